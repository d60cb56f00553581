-- A tag filter reads the tag's rows and then their cases: with entity_id in the index those reads
-- need no table visit (see the PostgreSQL migration of the same version).
CREATE INDEX ix_entity_tag_tag_id ON entity_tag (entity, tag, entity_id);
DROP INDEX ix_entity_tag_tag;
