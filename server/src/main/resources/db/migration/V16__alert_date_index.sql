-- The alert list shows an organisation's alerts newest first by their own date (the event's date,
-- not the import's); this index serves that default sort and its pages without sorting the table.
CREATE INDEX ix_alert_org_date ON alert (org_id, alert_date, id);
