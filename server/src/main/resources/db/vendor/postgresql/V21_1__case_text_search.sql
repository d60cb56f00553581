-- Searching cases by a word of their title or description (the query engine's _like and _match:
-- LOWER(column) LIKE '%word%') reads every case of the organisation unless trigram indexes on the
-- lowered texts find the candidates (bench scale, docs/scale/). pg_trgm ships with PostgreSQL's
-- contrib and is a trusted extension (PostgreSQL 13+): the database's owner may create it. Where it
-- is missing or may not be created, the search keeps working, unindexed, and the hub starts.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): case text search stays unindexed', SQLERRM;
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX ix_case_title_trgm ON case_record USING gin (LOWER(title) gin_trgm_ops);
    CREATE INDEX ix_case_description_trgm ON case_record USING gin (LOWER(description) gin_trgm_ops);
    -- A word in 1 % of the cases is best found by walking the organisation's newest cases, a rare
    -- one through these indexes: a finer sample of the texts lets the planner tell the two apart.
    ALTER INDEX ix_case_title_trgm ALTER COLUMN 1 SET STATISTICS 1000;
    ALTER INDEX ix_case_description_trgm ALTER COLUMN 1 SET STATISTICS 1000;
  END IF;
END $$;
