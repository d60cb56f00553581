-- Observables are the hub's most written rows (a MISP import writes hundreds of thousands), and
-- on PostgreSQL most of that cost is index and foreign-key upkeep: each row now maintains only
-- what it needs. The uniqueness rules and lookups stay as they were; one foreign key that only
-- repeated another goes.

-- Lookups by alert use uq_observable_in_alert, which starts with alert_id.
DROP INDEX ix_observable_alert;

-- An observable is in a case or in an alert: each uniqueness rule indexes only its own rows
-- (NULLs never collided anyway). Cascading deletes still find their rows through these indexes.
ALTER TABLE observable DROP CONSTRAINT uq_observable_in_case;
CREATE UNIQUE INDEX uq_observable_in_case ON observable (case_id, data_type, data_key) WHERE case_id IS NOT NULL;
ALTER TABLE observable DROP CONSTRAINT uq_observable_in_alert;
CREATE UNIQUE INDEX uq_observable_in_alert ON observable (alert_id, data_type, data_key) WHERE alert_id IS NOT NULL;

-- org_id repeats the organisation of the observable's case or alert, whose own foreign key
-- already ties it to an existing organisation.
ALTER TABLE observable DROP CONSTRAINT observable_org_id_fkey;

-- Data types and SHA-256 keys are ASCII identifiers: compared byte by byte, not by the
-- database's language rules.
ALTER TABLE observable
    ALTER COLUMN data_type TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN data_key TYPE VARCHAR(64) COLLATE "C";

-- Tags are written two or three per observable: their keys are compared byte by byte too, which
-- also orders them by code point (as C.UTF-8 does) rather than by a language's rules.
ALTER TABLE entity_tag
    ALTER COLUMN entity TYPE VARCHAR(16) COLLATE "C",
    ALTER COLUMN tag TYPE VARCHAR(512) COLLATE "C";

-- Filters find cases and alerts by tag through this index. An observable's tag filter checks the
-- observable's own tag rows through the primary key instead, so the index leaves observables'
-- rows out: two or three per observable, they are most of the table and half its write cost.
DROP INDEX ix_entity_tag_tag;
CREATE INDEX ix_entity_tag_tag ON entity_tag (entity, tag) WHERE entity <> 'observable';
