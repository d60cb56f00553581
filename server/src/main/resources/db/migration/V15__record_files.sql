-- Files attached to a case, an alert or an organisation itself (TheHive 5's attachments routes).
-- id is the attachment row's own id: each upload has its own attachment row, attached to one record
-- only. org_id is the owning organisation (the case's or the alert's), so that every read is scoped
-- by one column; an organisation's own files have neither case_id nor alert_id. Deleting a case or
-- an alert deletes these rows; their files are released after the delete commits (or by the sweep).

CREATE TABLE record_file (
    id         BIGINT NOT NULL PRIMARY KEY REFERENCES attachment (id),
    org_id     BIGINT NOT NULL REFERENCES organisation (id),
    case_id    BIGINT REFERENCES case_record (id) ON DELETE CASCADE,
    alert_id   BIGINT REFERENCES alert (id) ON DELETE CASCADE,
    created_by VARCHAR(256) NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT ck_record_file_one_record CHECK (case_id IS NULL OR alert_id IS NULL)
);
CREATE INDEX ix_record_file_case ON record_file (case_id);
CREATE INDEX ix_record_file_alert ON record_file (alert_id);
CREATE INDEX ix_record_file_org ON record_file (org_id, created_at);
