package io.sightline.server.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells an audit entry as a sentence ({@link AuditSentence}): the one place that knows how each kind
 * of entry (cases, alerts, observables, analyzer jobs, and any other record by a general rule) reads,
 * which fields are noise, and how values and field names are put in words. The history views of the
 * UI show these sentences; the audit API keeps the raw entries.
 */
@Component
public class AuditSentences {
    private static final int MAX_VALUE = 160;
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** Recorded with every view but never a change worth reading: stamps, derived labels, bulky blobs. */
    private static final Set<String> NOT_SHOWN = Set.of("_id", "_type", "_createdAt", "_createdBy", "_updatedAt",
            "_updatedBy", "extraData", "stage", "reports", "seenIn", "observableCount", "severityLabel", "tlpLabel",
            "papLabel");
    private static final Map<String, String> FIELD_WORDS = Map.ofEntries(
            Map.entry("tlp", "TLP"), Map.entry("pap", "PAP"), Map.entry("ioc", "IOC flag"),
            Map.entry("resolutionStatus", "resolution"), Map.entry("impactStatus", "impact"),
            Map.entry("sourceRef", "source reference"), Map.entry("externalLink", "source link"),
            Map.entry("caseId", "case"), Map.entry("alertId", "alert"), Map.entry("dataType", "data type"),
            Map.entry("data", "value"), Map.entry("follow", "followed"),
            Map.entry("customFields", "custom fields"), Map.entry("caseTemplate", "case template"),
            Map.entry("ignoreSimilarity", "similarity ignored"), Map.entry("message", "description"));

    /** Names of the records an entry points at but does not carry (an analyzer job names only its observable's id). */
    public interface Names {
        /** "domain evil.example" for an observable's id ("~12"), or null when unknown. */
        String observable(String observableId);

        /** The analyzer a job ran, by the job's id, or null when unknown. */
        String analyzerOfJob(String jobId);

        Names NONE = new Names() {
            @Override public String observable(String observableId) { return null; }
            @Override public String analyzerOfJob(String jobId) { return null; }
        };
    }

    private final JsonMapper json;

    public AuditSentences(JsonMapper json) {
        this.json = json;
    }

    public AuditSentence of(AuditLog.Entry e, Names names) {
        JsonNode before = read(e.before());
        JsonNode after = read(e.after());
        List<AuditSentence.FieldChange> changes = "update".equals(e.action()) ? changes(before, after) : List.of();
        String predicate = switch (e.entity()) {
            case "case" -> caseEvent(e.action(), before, after, changes);
            case "alert" -> alertEvent(e.action(), before, after, changes);
            case "observable" -> observableEvent(e.action(), before, after, changes);
            case "job" -> jobEvent(e, after, names);
            default -> anyEvent(e.action(), e.entity(), before, after, changes);
        };
        // a job's end only reports a status: shown in the sentence, not as a table
        return new AuditSentence(e.at(), actor(e.actor()), predicate, "job".equals(e.entity()) ? List.of() : changes);
    }

    /** "7 Dec 2026 at 14:05 UTC". */
    public static String readable(long epochMillis) {
        return READABLE.format(Instant.ofEpochMilli(epochMillis));
    }

    static String actor(String actor) {
        if (actor == null || actor.equals("system")) return "The hub";
        if (actor.startsWith("cortex:")) return "Cortex server " + actor.substring("cortex:".length());
        if (actor.startsWith("misp:")) return "MISP server " + actor.substring("misp:".length());
        if (actor.equals("anonymous")) return "Someone not logged in";
        return actor;
    }

    private String caseEvent(String action, JsonNode before, JsonNode after, List<AuditSentence.FieldChange> changes) {
        return switch (action) {
            case "create" -> "created the case" + titled(after);
            case "delete" -> "deleted the case" + titled(before);
            case "merge" -> before != null && before.has("cases")
                    ? "merged " + before.get("cases").size() + " cases into this case" : "merged an alert into the case";
            case "export" -> "exported the case to MISP server " + text(after, "misp");
            case "link" -> "linked the case to " + linkTarget(after);
            case "unlink" -> "removed the link of the case to " + linkTarget(before);
            case "update" -> {
                String stageBefore = text(before, "stage");
                String stageAfter = text(after, "stage");
                if ("Closed".equals(stageAfter) && !"Closed".equals(stageBefore)) {
                    yield "closed the case as " + (after.hasNonNull("resolutionStatus") ? text(after, "resolutionStatus") : text(after, "status"));
                }
                if ("Closed".equals(stageBefore) && stageAfter != null && !"Closed".equals(stageAfter)) yield "reopened the case";
                yield "changed " + fieldList(changes) + " of the case";
            }
            default -> pastTense(action) + " the case";
        };
    }

    private String alertEvent(String action, JsonNode before, JsonNode after, List<AuditSentence.FieldChange> changes) {
        return switch (action) {
            case "create" -> "created the alert" + titled(after);
            case "delete" -> "deleted the alert" + titled(before);
            case "update" -> {
                boolean linkedBefore = before != null && before.hasNonNull("caseId");
                boolean linkedAfter = after != null && after.hasNonNull("caseId");
                if (linkedAfter && !linkedBefore) yield "imported the alert into a case";
                if (linkedBefore && !linkedAfter) yield "took the alert out of its case";
                if (linkedBefore && !Objects.equals(text(before, "caseId"), text(after, "caseId"))) {
                    yield "moved the alert to the case its case was merged into";
                }
                if ("Ignored".equals(text(after, "status")) && !"Ignored".equals(text(before, "status"))) yield "ignored the alert";
                yield "changed " + fieldList(changes) + " of the alert";
            }
            default -> pastTense(action) + " the alert";
        };
    }

    private String observableEvent(String action, JsonNode before, JsonNode after, List<AuditSentence.FieldChange> changes) {
        return switch (action) {
            case "create" -> "added observable " + observableLabel(after);
            case "delete" -> "deleted observable " + observableLabel(before);
            case "update" -> "changed " + fieldList(changes) + " of observable " + observableLabel(after != null ? after : before);
            default -> pastTense(action) + " observable " + observableLabel(after != null ? after : before);
        };
    }

    private String jobEvent(AuditLog.Entry e, JsonNode after, Names names) {
        String observableId = text(after, "objectId");
        String observable = observableId == null ? null : names.observable(observableId);
        String on = " on observable " + (observable != null ? observable : observableId != null ? observableId : "(unknown)");
        if ("create".equals(e.action())) {
            return "ran analyzer " + orUnknown(text(after, "analyzerName")) + on
                    + (after != null && after.hasNonNull("cortexId") ? " with Cortex server " + text(after, "cortexId") : "");
        }
        String analyzer = names.analyzerOfJob(e.entityId());
        String status = text(after, "status");
        if ("update".equals(e.action()) && status != null) {
            return "reported analyzer " + orUnknown(analyzer) + on + " " + switch (status) {
                case "Success" -> "succeeded";
                case "Failure" -> "failed";
                default -> "ended as " + status;
            };
        }
        return pastTense(e.action()) + " the analyzer job " + orUnknown(analyzer) + on;
    }

    private String anyEvent(String action, String entity, JsonNode before, JsonNode after, List<AuditSentence.FieldChange> changes) {
        String what = words(entity);
        return switch (action) {
            case "create" -> "added " + article(what) + titled(after);
            case "delete" -> "deleted the " + what + titled(before);
            case "update" -> "changed " + fieldList(changes) + " of the " + what + titled(after);
            default -> pastTense(action) + " the " + what + titled(after != null ? after : before);
        };
    }

    private List<AuditSentence.FieldChange> changes(JsonNode before, JsonNode after) {
        TreeSet<String> fields = new TreeSet<>();
        if (before != null && before.isObject()) fields.addAll(before.propertyNames());
        if (after != null && after.isObject()) fields.addAll(after.propertyNames());
        List<AuditSentence.FieldChange> out = new ArrayList<>();
        for (String f : fields) {
            if (NOT_SHOWN.contains(f)) continue;
            String b = value(before, f);
            String a = value(after, f);
            if (!Objects.equals(a, b)) out.add(new AuditSentence.FieldChange(words(f), b, a));
        }
        return out;
    }

    /** A field's value in words: the label recorded beside it (severity, TLP, PAP), a date, yes/no, a list. */
    private static String value(JsonNode record, String field) {
        if (record == null || !record.isObject()) return null;
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) return null;
        JsonNode label = record.get(field + "Label");
        if (label != null && label.isString()) {
            return field.equals("tlp") ? "TLP:" + label.stringValue() : field.equals("pap") ? "PAP:" + label.stringValue() : label.stringValue();
        }
        String s;
        if (v.isBoolean()) s = v.booleanValue() ? "yes" : "no";
        else if (v.isIntegralNumber() && isDate(field)) s = readable(v.longValue());
        else if (v.isArray() && allScalar(v)) s = v.isEmpty() ? "none" : String.join(", ", v.valueStream().map(AuditSentences::scalar).toList());
        else if (v.isString()) s = v.stringValue();
        else s = v.toString();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "…" : s;
    }

    private static boolean isDate(String field) {
        return field.endsWith("Date") || field.equals("date") || field.endsWith("At");
    }

    private static boolean allScalar(JsonNode array) {
        return array.valueStream().allMatch(JsonNode::isValueNode);
    }

    private static String scalar(JsonNode v) {
        return v.isString() ? v.stringValue() : v.toString();
    }

    /** "status, summary and tags", or "nothing" when no field changed (a change that was not one). */
    static String fieldList(List<AuditSentence.FieldChange> changes) {
        List<String> names = changes.stream().map(AuditSentence.FieldChange::field).toList();
        if (names.isEmpty()) return "nothing";
        if (names.size() == 1) return "the " + names.get(0);
        if (names.size() > 4) return "the " + String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " other fields";
        return "the " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** A field or record name in words: "resolutionStatus" is "resolution", "caseTemplate" is "case template". */
    static String words(String name) {
        String known = FIELD_WORDS.get(name);
        if (known != null) return known;
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').trim();
        return spaced.toLowerCase(Locale.ROOT);
    }

    private static String observableLabel(JsonNode o) {
        String type = text(o, "dataType");
        String data = text(o, "data");
        if (data == null && o != null && o.has("attachment")) data = text(o.get("attachment"), "name");
        String label = (type == null ? "" : type + " ") + (data == null ? "" : data);
        label = label.isBlank() ? "(unknown)" : label.trim();
        return label.length() > MAX_VALUE ? label.substring(0, MAX_VALUE) + "…" : label;
    }

    private static String titled(JsonNode record) {
        String title = text(record, "title");
        if (title == null) title = text(record, "name");
        if (title == null) return "";
        return " “" + (title.length() > MAX_VALUE ? title.substring(0, MAX_VALUE) + "…" : title) + "”";
    }

    /** "case #12 “Phishing wave” as duplicate", or "https://wiki.example/ir as runbook": a case link as recorded. */
    private static String linkTarget(JsonNode link) {
        String target = text(link, "url");
        if (target == null) target = "case #" + orUnknown(text(link, "number")) + titled(link);
        return target + " as " + orUnknown(text(link, "linkType"));
    }

    private static String article(String what) {
        return ("aeiou".indexOf(what.isEmpty() ? 'x' : what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    private static String orUnknown(String s) {
        return s == null ? "(unknown)" : s;
    }

    private static String text(JsonNode record, String field) {
        if (record == null || !record.isObject()) return null;
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) return null;
        return v.isString() ? v.stringValue() : v.toString();
    }

    /** "update" is "updated", "import" "imported", "revoke" "revoked". */
    static String pastTense(String action) {
        if (action == null || action.isEmpty()) return "acted on";
        String words = words(action);
        return words.endsWith("e") ? words + "d" : words + "ed";
    }

    private JsonNode read(String recorded) {
        if (recorded == null) return null;
        try {
            return json.readTree(recorded);
        } catch (RuntimeException unreadable) {
            // an entry written by an older hub in another shape is still shown, as text
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("value", recorded);
            return json.valueToTree(wrapped);
        }
    }
}
