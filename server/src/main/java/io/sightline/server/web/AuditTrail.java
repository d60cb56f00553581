package io.sightline.server.web;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit entries of one object, each reduced to the fields that changed, and the organisation's
 * latest entries told as sentences ({@link Activity}), for reading on a page.
 */
@Component
public class AuditTrail {
    private static final int LIMIT = 200;
    private static final int MAX_SHOWN = 160;

    /** One change of one field; values are shortened for display. */
    public record Change(String field, String before, String after) {}

    public record Entry(long at, String actor, String action, List<Change> changes) {}

    private final AuditLog audit;
    private final JsonMapper json;

    public AuditTrail(AuditLog audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    public List<Entry> of(Principal p, String entity, String entityId) {
        p.require(Permission.READ_AUDIT);
        return audit.search(p.orgId(), entity, entityId, null, null, LIMIT).stream()
                .map(e -> new Entry(e.at(), e.actor(), e.action(), changes(e.before(), e.after()))).toList();
    }

    /** The organisation's latest audit entries, newest first, each as a sentence. */
    public List<Activity> recent(Principal p, int limit) {
        p.require(Permission.READ_AUDIT);
        return audit.search(p.orgId(), null, null, null, null, limit).stream().map(e -> {
            JsonNode before = read(e.before());
            JsonNode after = read(e.after());
            // Labels shown beside a value (papLabel beside pap) would only repeat the field.
            List<String> fields = "update".equals(e.action())
                    ? changes(before, after).stream().map(Change::field).filter(f -> !f.endsWith("Label")).toList() : List.of();
            return Activity.of(e.at(), e.actor(), e.action(), e.entity(), e.entityId(), before, after, fields);
        }).toList();
    }

    private JsonNode read(String text) {
        return text == null ? null : json.readTree(text);
    }

    private List<Change> changes(String beforeJson, String afterJson) {
        return changes(read(beforeJson), read(afterJson));
    }

    private List<Change> changes(JsonNode before, JsonNode after) {
        TreeSet<String> fields = new TreeSet<>();
        if (before != null && before.isObject()) fields.addAll(before.propertyNames());
        if (after != null && after.isObject()) fields.addAll(after.propertyNames());
        List<Change> out = new ArrayList<>();
        for (String f : fields) {
            if (f.startsWith("_updated") || f.equals("extraData")) continue;
            String b = shown(before == null ? null : before.get(f));
            String a = shown(after == null ? null : after.get(f));
            if (!Objects.equals(a, b)) out.add(new Change(f, b, a));
        }
        return out;
    }

    private static String shown(JsonNode v) {
        if (v == null || v.isNull()) return null;
        String s = v.isString() ? v.stringValue() : v.toString();
        return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "…" : s;
    }
}
