-- Searching cases by a word of their title or description (the query engine's _like and _match:
-- LOWER(column) LIKE '%word%') reads every case of the organisation unless trigram indexes on the
-- lowered texts find the candidates (bench scale, docs/scale/). With btree_gin the organisation is
-- part of the index, so a word frequent elsewhere costs nothing to another organisation.
-- pg_trgm and btree_gin ship with PostgreSQL's contrib and are trusted extensions (PostgreSQL 13+):
-- the database's owner may create them. Where they are missing or may not be created, the search
-- keeps working, unindexed (or without the organisation in the index), and the hub starts.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): case text search stays unindexed', SQLERRM;
END $$;

DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS btree_gin;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'btree_gin is not available (%): case text search is indexed without the organisation', SQLERRM;
END $$;

DO $$
DECLARE
  with_org BOOLEAN := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin');
  org TEXT := CASE WHEN with_org THEN 'org_id, ' ELSE '' END;
  text_column INT := CASE WHEN with_org THEN 2 ELSE 1 END;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX ix_case_title_trgm ON case_record USING gin (' || org || 'LOWER(title) gin_trgm_ops)';
    EXECUTE 'CREATE INDEX ix_case_description_trgm ON case_record USING gin (' || org || 'LOWER(description) gin_trgm_ops)';
    -- A word in 1 % of the cases is best found by walking the organisation's newest cases, a rare
    -- one through these indexes: a finer sample of the texts lets the planner tell the two apart.
    EXECUTE 'ALTER INDEX ix_case_title_trgm ALTER COLUMN ' || text_column || ' SET STATISTICS 1000';
    EXECUTE 'ALTER INDEX ix_case_description_trgm ALTER COLUMN ' || text_column || ' SET STATISTICS 1000';
  END IF;
END $$;
