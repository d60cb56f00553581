-- The case an audit entry is about (the case itself, or the case of the observable, task, log,
-- comment, page, procedure, custom event, file, analyzer job or responder action it names), so that
-- the trail leaves out, for each reader, the entries of restricted cases that do not name them.
-- Kept on the entry because a deleted record's row can no longer tell its case. Entries of records
-- already deleted before this migration keep no case. An entry may name a second case, hidden the
-- same way: the target of a case link (named_case_id).
ALTER TABLE audit_log ADD COLUMN case_id BIGINT;
ALTER TABLE audit_log ADD COLUMN named_case_id BIGINT;

UPDATE audit_log SET case_id = CAST(SUBSTRING(entity_id FROM 2) AS BIGINT)
WHERE entity = 'case' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT r.case_id FROM observable r WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'observable' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT r.case_id FROM task r WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'Task' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT t.case_id FROM task_log r JOIN task t ON t.id = r.task_id
                                WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'Log' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT r.case_id FROM comment_record r WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'comment' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT r.case_id FROM case_page r WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'page' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT r.case_id FROM procedure_record r WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'procedure' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT r.case_id FROM custom_event r WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'customEvent' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT r.case_id FROM record_file r WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'Attachment' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT o.case_id FROM cortex_job r JOIN observable o ON o.id = r.observable_id
                                WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'job' AND entity_id LIKE '~%';
UPDATE audit_log SET case_id = (SELECT CASE r.object_type
                                  WHEN 'CASE' THEN r.object_id
                                  WHEN 'TASK' THEN (SELECT k.case_id FROM task k WHERE k.id = r.object_id)
                                  WHEN 'OBSERVABLE' THEN (SELECT o.case_id FROM observable o WHERE o.id = r.object_id)
                                  WHEN 'LOG' THEN (SELECT k.case_id FROM task_log l JOIN task k ON k.id = l.task_id WHERE l.id = r.object_id)
                                END FROM cortex_action r WHERE r.id = CAST(SUBSTRING(audit_log.entity_id FROM 2) AS BIGINT))
WHERE entity = 'action' AND entity_id LIKE '~%';
-- A link's entry records the link as {"caseId":"~123",...} (caselinks.CaseLinkView); a URL has none.
UPDATE audit_log SET named_case_id = CAST(SUBSTRING(COALESCE(after_json, before_json) FROM 13
        FOR POSITION('"' IN SUBSTRING(COALESCE(after_json, before_json) FROM 13)) - 1) AS BIGINT)
WHERE entity = 'case' AND action IN ('link', 'unlink') AND COALESCE(after_json, before_json) LIKE '{"caseId":"~%';
