package io.sightline.server.query;

import io.sightline.server.core.InvalidQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/** The entities {@code /api/v1/query} can list, with the fields filters and sorts may use. */
enum QueryEntity {
    CASE("case_record", "case", "Case"),
    ALERT("alert", "alert", "Alert"),
    OBSERVABLE("observable", "observable", "Observable");

    final String table;
    final String tagEntity;
    final String label;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    QueryEntity(String table, String tagEntity, String label) {
        this.table = table;
        this.tagEntity = tagEntity;
        this.label = label;
    }

    static {
        for (QueryEntity e : values()) {
            e.add("_id", "id", Field.Kind.ID);
            e.add("_createdAt", "created_at", Field.Kind.NUMBER);
            e.add("_createdBy", "created_by", Field.Kind.STRING);
            e.add("_updatedAt", "updated_at", Field.Kind.NUMBER);
            e.add("_updatedBy", "updated_by", Field.Kind.STRING);
            e.add("tags", "tags", Field.Kind.TAGS);
            e.add("tlp", "tlp", Field.Kind.LEVEL);
            e.add("pap", "pap", Field.Kind.LEVEL);
        }
        for (QueryEntity e : new QueryEntity[] {CASE, ALERT}) {
            e.add("title", "title", Field.Kind.STRING);
            e.add("description", "description", Field.Kind.STRING);
            e.add("severity", "severity", Field.Kind.NUMBER);
            e.add("flag", "flag", Field.Kind.BOOLEAN);
            e.add("status", "status", Field.Kind.STRING);
            e.add("summary", "summary", Field.Kind.STRING);
            e.add("assignee", "assignee", Field.Kind.STRING);
        }
        CASE.add("number", "number", Field.Kind.NUMBER);
        CASE.add("startDate", "start_date", Field.Kind.NUMBER);
        CASE.add("endDate", "end_date", Field.Kind.NUMBER);
        CASE.add("resolutionStatus", "resolution_status", Field.Kind.STRING);
        CASE.add("impactStatus", "impact_status", Field.Kind.STRING);
        CASE.add("owner", "assignee", Field.Kind.STRING);
        CASE.add("user", "assignee", Field.Kind.STRING);
        ALERT.add("type", "type", Field.Kind.STRING);
        ALERT.add("source", "source", Field.Kind.STRING);
        ALERT.add("sourceRef", "source_ref", Field.Kind.STRING);
        ALERT.add("externalLink", "external_link", Field.Kind.STRING);
        ALERT.add("date", "alert_date", Field.Kind.NUMBER);
        ALERT.add("read", "is_read", Field.Kind.BOOLEAN);
        ALERT.add("follow", "follow", Field.Kind.BOOLEAN);
        ALERT.add("caseId", "case_id", Field.Kind.ID);
        ALERT.add("imported", "case_id", Field.Kind.ID);
        OBSERVABLE.add("dataType", "data_type", Field.Kind.STRING);
        OBSERVABLE.add("data", "data", Field.Kind.STRING);
        OBSERVABLE.add("message", "message", Field.Kind.STRING);
        OBSERVABLE.add("ioc", "ioc", Field.Kind.BOOLEAN);
        OBSERVABLE.add("sighted", "sighted", Field.Kind.BOOLEAN);
        OBSERVABLE.add("ignoreSimilarity", "ignore_similarity", Field.Kind.BOOLEAN);
        OBSERVABLE.add("startDate", "start_date", Field.Kind.NUMBER);
    }

    private void add(String name, String column, Field.Kind kind) {
        fields.put(name, new Field(name, column, kind));
    }

    java.util.Set<String> fieldNames() {
        return java.util.Collections.unmodifiableSet(fields.keySet());
    }

    Field field(String name) {
        Field f = fields.get(name);
        if (f == null) {
            throw new InvalidQuery("Unknown field '" + name + "' for " + label + "; known fields: " + String.join(", ", fields.keySet()));
        }
        return f;
    }
}
