-- The objects carrying one observable value, with each report and dossier they came from.
-- Parameters: data_key (SHA-256 of the normalised value), data_type, row limit. Kept in a file so
-- that the intel-lookup benchmark measures exactly this query.
SELECT o.stix_id, o.stix_type, o.name, o.revoked, o.modified_at,
       r.source, r.report_id, r.report_name, r.dossier_id, r.dossier_name, r.id
FROM intel_value v
JOIN intel_object o ON o.id = v.object_ref
JOIN intel_object_report l ON l.object_ref = o.id
JOIN intel_report r ON r.id = l.report_ref
WHERE v.data_key = ? AND v.data_type = ?
ORDER BY o.modified_at DESC NULLS LAST, o.stix_id, r.dossier_id, r.report_id
LIMIT ?
