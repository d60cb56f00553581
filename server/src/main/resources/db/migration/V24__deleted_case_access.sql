-- The users a restricted case named when it was deleted: its audit entries (which outlive it, and
-- hold its title and description) stay hidden from everyone else. No foreign keys: the case is gone,
-- and a user's id is never given to another.
CREATE TABLE deleted_case_access (
    case_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
