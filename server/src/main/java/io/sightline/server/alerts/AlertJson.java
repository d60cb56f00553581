package io.sightline.server.alerts;

import io.sightline.server.api.JsonInput;
import io.sightline.server.api.Unsupported;
import io.sightline.server.caseassembly.CaseAssemblyJson;
import io.sightline.server.caseassembly.CaseParts;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseJson;
import io.sightline.server.common.BulkIds;
import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Malformed;
import io.sightline.server.customfields.CustomFieldJson;
import io.sightline.server.observables.NewObservable;
import io.sightline.server.observables.ObservableJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * TheHive's alert JSON (InputAlert, InputUpdateAlert, a promotion's case fields) read into
 * commands: unknown fields, ill-typed values and TheHive fields not modelled here are refused;
 * the domain rules are the service's.
 */
final class AlertJson {
    static final Set<String> CREATE_FIELDS = Set.of("type", "source", "sourceRef", "title", "description", "externalLink",
            "severity", "date", "tags", "flag", "tlp", "pap", "status", "summary", "assignee", "user", "observables",
            "artifacts", "caseTemplate", "customFields", "customFieldValue", "customFieldValues", "procedures",
            "lastSyncDate", "follow", "read");
    static final Set<String> UPDATE_FIELDS = Set.of("title", "description", "externalLink", "severity", "date", "tags",
            "flag", "tlp", "pap", "status", "summary", "assignee", "user", "follow", "read", "lastSyncDate", "customFields");
    static final Set<String> BULK_UPDATE_FIELDS = with(UPDATE_FIELDS, "ids");
    private static final String[] UNSUPPORTED = {"customFieldValue", "customFieldValues", "procedures"};

    private AlertJson() {}

    /** A new alert with its inline observables ("observables" or TheHive 4's "artifacts"). */
    static NewAlert newAlert(JsonNode body) {
        JsonInput in = JsonInput.of(body, "alert", CREATE_FIELDS);
        Unsupported.rejectNonEmpty(in, "alert", UNSUPPORTED);
        String type = in.text("type").orElse(null);
        String source = in.text("source").orElse(null);
        String sourceRef = in.text("sourceRef").orElse(null);
        List<NewObservable> inline = inlineObservables(in);
        return new NewAlert(type, source, sourceRef, in.text("externalLink").orElse(null),
                in.text("title").orElse(null), in.text("description").orElse(null), in.integer("severity").orElse(null),
                in.epochMillis("date").orElse(null), tlp(in), pap(in), in.bool("flag").orElse(null),
                in.text("status").orElse(null), in.bool("read").orElse(null), in.bool("follow").orElse(null),
                in.text("summary").orElse(null), in.text("assignee").or(() -> in.text("user")).orElse(null),
                in.texts("tags").orElse(null), inline,
                in.string("caseTemplate", 128).filter(s -> !s.isBlank()).orElse(null),
                CustomFieldJson.read(in.raw("customFields"), "alert"));
    }

    /** The changes of a PATCH; "user" and "lastSyncDate" are accepted and left alone, as before. */
    static AlertChanges changes(JsonNode body) {
        return changes(JsonInput.of(body, "alert", UPDATE_FIELDS));
    }

    /** A bulk PATCH: the update fields plus the {@code ids} of the alerts they apply to. */
    static BulkIds bulkIds(JsonNode body) {
        return new BulkIds("alert", requiredIds(JsonInput.of(body, "alert", BULK_UPDATE_FIELDS), "ids"));
    }

    /** The changes of a bulk PATCH, its {@code ids} aside. */
    static AlertChanges bulkChanges(JsonNode body) {
        return changes(JsonInput.of(body, "alert", BULK_UPDATE_FIELDS));
    }

    /** The body of a bulk delete: {@code {"ids": [...]}}. */
    static BulkIds deleteIds(JsonNode body) {
        return new BulkIds("alert", requiredIds(JsonInput.of(body, "alert deletion", Set.of("ids")), "ids"));
    }

    /** The body of a bulk merge: {@code {"caseId": ..., "alertIds": [...]}}. */
    static BulkMerge bulkMerge(JsonNode body) {
        JsonInput in = JsonInput.of(body, "alert merge", Set.of("caseId", "alertIds"));
        String caseId = in.string("caseId", 64).orElseThrow(() -> in.missing("caseId"));
        return new BulkMerge(caseId, new BulkIds("alert", requiredIds(in, "alertIds")));
    }

    /** Alerts to merge into one case. */
    record BulkMerge(String caseId, BulkIds alertIds) {}

    private static List<String> requiredIds(JsonInput in, String field) {
        return in.strings(field, BulkIds.MAX, 64).orElseThrow(() -> in.missing(field));
    }

    private static AlertChanges changes(JsonInput in) {
        Change<String> externalLink = text(in, "externalLink");
        Change<String> title = text(in, "title");
        Change<String> description = text(in, "description");
        Integer severity = in.integer("severity").orElse(null);
        Long date = in.epochMillis("date").orElse(null);
        Tlp tlp = tlp(in);
        Pap pap = pap(in);
        Boolean flag = in.bool("flag").orElse(null);
        String status = in.text("status").orElse(null);
        Boolean read = in.bool("read").orElse(null);
        Boolean follow = in.bool("follow").orElse(null);
        Change<String> summary = text(in, "summary");
        Change<String> assignee = text(in, "assignee");
        return new AlertChanges(externalLink, title, description, severity, date, tlp, pap, flag, status, read, follow,
                summary, assignee, in.texts("tags").orElse(null),
                in.has("customFields") ? CustomFieldJson.read(in.raw("customFields"), "alert") : null);
    }

    /** The body of a promotion (InputPromoteAlert): case fields overriding the alert's, or none. */
    static CaseChanges caseOverrides(JsonNode body) {
        if (absent(body)) return CaseChanges.NONE;
        if (!body.isObject()) throw new Malformed("The body of a promotion must be a JSON object of case fields");
        return CaseJson.overrides(body);
    }

    /** The template, tasks and pages a promotion's body gives the case. */
    static CaseParts caseParts(JsonNode body) {
        return absent(body) ? CaseParts.NONE : CaseAssemblyJson.parts(body);
    }

    private static boolean absent(JsonNode body) {
        return body == null || body.isNull() || body.isMissingNode();
    }

    private static List<NewObservable> inlineObservables(JsonInput in) {
        List<NewObservable> inline = new ArrayList<>();
        for (String field : List.of("observables", "artifacts")) {
            JsonNode list = in.raw(field);
            if (list == null || list.isNull()) continue;
            if (!list.isArray()) throw in.typeError(field, "an array of observables");
            for (JsonNode o : list) inline.add(ObservableJson.newObservable(o));
        }
        return inline;
    }

    private static Set<String> with(Set<String> fields, String more) {
        Set<String> all = new HashSet<>(fields);
        all.add(more);
        return Set.copyOf(all);
    }

    private static Change<String> text(JsonInput in, String field) {
        return Change.of(in.has(field), in.text(field));
    }

    private static Tlp tlp(JsonInput in) {
        return in.level("tlp", Tlp::of, Tlp::parse, "a TLP number or name").orElse(null);
    }

    private static Pap pap(JsonInput in) {
        return in.level("pap", Pap::of, Pap::parse, "a PAP number or name").orElse(null);
    }
}
