package io.sightline.server.audit;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The case an entry is about, found when it is written: the case itself for a case's entries, the
 * record's case for those of the records that live in cases (read from the record's table in the
 * entry's own insert, one lookup by primary key). A record already deleted when its entry is
 * written (a delete) keeps the case its earlier entries named. Every other entry has no case.
 * The same lookups fill in the entries written before the column existed ({@code V23__audit_case.sql}).
 */
final class EntryCases {
    private static final Pattern ID = Pattern.compile("~\\d{1,18}");

    /** By entity: the SQL of the record's case id, binding the record's numeric id. */
    private static final Map<String, String> OF_RECORD = Map.ofEntries(
            Map.entry("observable", "SELECT r.case_id FROM observable r WHERE r.id = ?"),
            Map.entry("Task", "SELECT r.case_id FROM task r WHERE r.id = ?"),
            Map.entry("Log", "SELECT t.case_id FROM task_log r JOIN task t ON t.id = r.task_id WHERE r.id = ?"),
            Map.entry("comment", "SELECT r.case_id FROM comment_record r WHERE r.id = ?"),
            Map.entry("page", "SELECT r.case_id FROM case_page r WHERE r.id = ?"),
            Map.entry("procedure", "SELECT r.case_id FROM procedure_record r WHERE r.id = ?"),
            Map.entry("customEvent", "SELECT r.case_id FROM custom_event r WHERE r.id = ?"),
            Map.entry("Attachment", "SELECT r.case_id FROM record_file r WHERE r.id = ?"),
            Map.entry("job", "SELECT o.case_id FROM cortex_job r JOIN observable o ON o.id = r.observable_id WHERE r.id = ?"),
            Map.entry("action", "SELECT CASE r.object_type WHEN 'CASE' THEN r.object_id"
                    + " WHEN 'TASK' THEN (SELECT k.case_id FROM task k WHERE k.id = r.object_id)"
                    + " WHEN 'OBSERVABLE' THEN (SELECT o.case_id FROM observable o WHERE o.id = r.object_id)"
                    + " WHEN 'LOG' THEN (SELECT k.case_id FROM task_log l JOIN task k ON k.id = l.task_id WHERE l.id = r.object_id)"
                    + " END FROM cortex_action r WHERE r.id = ?"));

    /** The SQL of an entry's case id in its insert, and its parameters. */
    record Lookup(String sql, Object... params) {}

    private EntryCases() {}

    static Lookup of(String entity, String entityId) {
        if (entityId == null || !ID.matcher(entityId).matches()) return new Lookup("NULL");
        long id = Long.parseLong(entityId.substring(1));
        if (entity.equals("case")) return new Lookup("?", id);
        String ofRecord = OF_RECORD.get(entity);
        if (ofRecord == null) return new Lookup("NULL");
        return new Lookup("COALESCE((" + ofRecord + "), (SELECT MAX(e.case_id) FROM audit_log e WHERE e.entity = ? AND e.entity_id = ?))",
                id, entity, entityId);
    }
}
