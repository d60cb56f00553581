-- PostgreSQL checks observable.alert_id once per statement from this version on (see the
-- PostgreSQL migration of the same number); H2 keeps the foreign key.
SELECT 1;
