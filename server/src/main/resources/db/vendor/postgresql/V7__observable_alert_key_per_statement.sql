-- The foreign key from observable.alert_id checked each new row on its own: one lookup and one
-- lock of the alert per observable, a fifth of PostgreSQL's time in a MISP import that writes a
-- thousand observables per statement. The same rule is now checked once per statement, with the
-- same locks: the alerts of the new rows are locked FOR KEY SHARE (an alert being deleted then
-- waits for the rows' transaction, or makes the statement fail if it is deleted first), a missing
-- alert fails the statement with the foreign-key error, and deleting alerts deletes their
-- observables.
ALTER TABLE observable DROP CONSTRAINT observable_alert_id_fkey;

CREATE FUNCTION observable_alerts_exist(alerts BIGINT[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF alerts IS NULL OR cardinality(alerts) = 0 THEN
    RETURN;
  END IF;
  IF (SELECT count(*) FROM (SELECT 1 FROM alert WHERE id = ANY (alerts) FOR KEY SHARE) locked) < cardinality(alerts) THEN
    RAISE EXCEPTION 'insert or update on table "observable" violates foreign key constraint "observable_alert_id_fkey"'
      USING ERRCODE = 'foreign_key_violation', DETAIL = 'An observable refers to an alert that does not exist.';
  END IF;
END $$;

CREATE FUNCTION observable_inserted_check_alerts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM observable_alerts_exist((SELECT array_agg(DISTINCT alert_id) FROM new_rows WHERE alert_id IS NOT NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER observable_alert_key_on_insert AFTER INSERT ON observable
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION observable_inserted_check_alerts();

-- The hub never moves an observable to another alert; should a statement do it, it is checked too
-- (row by row: a trigger on a column list cannot see the statement's rows as a table).
CREATE FUNCTION observable_moved_check_alert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM observable_alerts_exist(ARRAY[NEW.alert_id]);
  RETURN NULL;
END $$;

CREATE TRIGGER observable_alert_key_on_update AFTER UPDATE OF alert_id ON observable
  FOR EACH ROW WHEN (NEW.alert_id IS NOT NULL AND NEW.alert_id IS DISTINCT FROM OLD.alert_id)
  EXECUTE FUNCTION observable_moved_check_alert();

CREATE FUNCTION alert_deleted_delete_observables() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM observable WHERE alert_id IN (SELECT id FROM gone);
  RETURN NULL;
END $$;

CREATE TRIGGER alert_deletes_observables AFTER DELETE ON alert
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION alert_deleted_delete_observables();
