-- PostgreSQL trims the indexes of the observable table in this version (see the PostgreSQL
-- migration of the same number); H2's embedded store keeps its schema as it is.
SELECT 1;
