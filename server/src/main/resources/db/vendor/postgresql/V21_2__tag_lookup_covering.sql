-- A tag filter ("cases tagged X", newest first) on a tag of a few thousand cases reads the tag's
-- rows and then their cases: with entity_id in the index those reads are index-only instead of a
-- heap visit per row (bench scale, docs/scale/). Observables' tags stay out of it, as in V6.
CREATE INDEX ix_entity_tag_tag_id ON entity_tag (entity, tag, entity_id) WHERE entity <> 'observable';
DROP INDEX ix_entity_tag_tag;
