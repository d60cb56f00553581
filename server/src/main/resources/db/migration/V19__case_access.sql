-- Restricted cases (TheHive 5's UserAccessKind): a restricted case is seen only by the users named
-- in case_access_user, all members of the case's organisation; the flag keeps the visibility test
-- of an unrestricted case to one column.
ALTER TABLE case_record ADD COLUMN restricted BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE case_access_user (
    case_id BIGINT NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX ix_case_access_user_user ON case_access_user (user_id);
