-- The case lists an analyst opens all day, at a million cases (bench scale, docs/scale/):
-- the count of an organisation's open cases is read from this index alone (most cases are closed)...
CREATE INDEX ix_case_org_status ON case_record (org_id, status);
-- ...and "my open cases", newest first, walks the analyst's own cases in date order instead of
-- every open case of the organisation.
CREATE INDEX ix_case_org_assignee ON case_record (org_id, assignee, created_at);
