package io.sightline.server.web;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One audit entry told as a sentence for the home page: "admin updated case #12 Phishing wave
 * (status, assignee)", with a link to the record where it still has a page.
 *
 * @param what    the kind of record in words ("case", "case template")
 * @param subject how the record is known (a case's number and title, an alert's title, a login), or ""
 * @param fields  the fields an update changed
 * @param link    the record's page, or null
 */
public record Activity(long at, String actor, String verb, String what, String subject, List<String> fields, String link) {

    static Activity of(long at, String actor, String action, String entity, String entityId, JsonNode before, JsonNode after,
                       List<String> fields) {
        JsonNode record = after != null && after.isObject() ? after : before;
        String subject = subject(entity, record);
        String link = "delete".equals(action) ? null : link(entity, entityId, record);
        return new Activity(at, actor, verb(action), words(entity), subject, fields, link);
    }

    private static String verb(String action) {
        return switch (action) {
            case "create" -> "created";
            case "update" -> "updated";
            case "delete" -> "deleted";
            case "merge" -> "merged";
            case "revoke" -> "revoked";
            case "import" -> "imported";
            default -> action;
        };
    }

    /** "caseTemplate" as "case template". */
    private static String words(String entity) {
        return entity.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String subject(String entity, JsonNode record) {
        if (record == null || !record.isObject()) return "";
        String name = firstText(record, "title", "name", "login", "data", "analyzerName");
        if ("case".equals(entity) && record.hasNonNull("number")) {
            return "#" + record.get("number").asString() + (name.isEmpty() ? "" : " " + name);
        }
        return name;
    }

    private static String link(String entity, String entityId, JsonNode record) {
        if ("case".equals(entity) && record != null && record.hasNonNull("number")) {
            return "/cases/" + record.get("number").asString();
        }
        if ("alert".equals(entity) && entityId != null && entityId.matches("~\\d{1,18}")) return "/alerts/" + entityId.substring(1);
        return null;
    }

    private static String firstText(JsonNode record, String... names) {
        for (String n : names) {
            JsonNode v = record.get(n);
            if (v != null && v.isString() && !v.stringValue().isBlank()) return v.stringValue();
        }
        return "";
    }
}
