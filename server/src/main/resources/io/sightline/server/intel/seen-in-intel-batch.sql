-- seen-in-intel.sql for many values at once (a page of an observables table): the first :limit
-- sightings of each value, in the single lookup's order, numbered within each value.
-- Parameters: :keys (data keys), :limit (rows per value).
SELECT data_type, data_key, stix_id, stix_type, name, revoked, modified_at,
       source, report_id, report_name, dossier_id, dossier_name, report_ref
FROM (
    SELECT v.data_type, v.data_key, o.stix_id, o.stix_type, o.name, o.revoked, o.modified_at,
           r.source, r.report_id, r.report_name, r.dossier_id, r.dossier_name, r.id AS report_ref,
           ROW_NUMBER() OVER (PARTITION BY v.data_type, v.data_key
                              ORDER BY o.modified_at DESC NULLS LAST, o.stix_id, r.dossier_id, r.report_id) AS rn
    FROM intel_value v
    JOIN intel_object o ON o.id = v.object_ref
    JOIN intel_object_report l ON l.object_ref = o.id
    JOIN intel_report r ON r.id = l.report_ref
    WHERE v.data_key IN (:keys)
) ranked
WHERE rn <= :limit
ORDER BY data_type, data_key, rn
