-- PostgreSQL indexes case titles and descriptions by trigrams in this version (see the PostgreSQL
-- migration of the same number); H2 has no such index and searches the texts as before.
SELECT 1;
