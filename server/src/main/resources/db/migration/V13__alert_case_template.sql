-- The case template an alert names (TheHive 5's InputAlert.caseTemplate): a case promoted from the
-- alert is made from it unless the promotion names another. Kept by name, as TheHive does, so a
-- template deleted later leaves the alert readable; promotion then reports the template missing.
ALTER TABLE alert ADD COLUMN case_template VARCHAR(128);
