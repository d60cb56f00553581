package io.sightline.server.cases;

import io.sightline.server.api.JsonInput;
import io.sightline.server.api.Unsupported;
import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.customfields.CustomFieldJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * TheHive's case JSON (InputCase, InputUpdateCase) read into commands: unknown fields, ill-typed
 * values and TheHive fields not modelled here are refused; the domain rules are the service's.
 * A new case's {@code caseTemplate}, {@code tasks} and {@code pages} are read by the package that
 * creates cases with them ({@code caseassembly}); here they are only let through.
 */
public final class CaseJson {
    static final Set<String> UPDATE_FIELDS = Set.of("title", "description", "severity", "startDate", "endDate", "tags",
            "flag", "tlp", "pap", "status", "summary", "user", "assignee", "resolutionStatus", "impactStatus",
            "customFields", "customFieldValues", "sharingParameters", "taskRule", "observableRule");
    /** InputCase's fields, for the reader of the parts a new case brings. */
    public static final Set<String> FIELDS = union(UPDATE_FIELDS, "caseTemplate", "tasks", "pages");
    private static final String[] UNSUPPORTED = {"customFieldValues", "sharingParameters", "taskRule", "observableRule"};

    private CaseJson() {}

    /** The case fields of TheHive's InputCase, with its custom field values. */
    public static NewCase newCase(JsonNode body) {
        JsonInput in = read(body, FIELDS);
        return new NewCase(in.text("title").orElse(null), in.text("description").orElse(null),
                in.integer("severity").orElse(null), tlp(in), pap(in), in.bool("flag").orElse(null),
                in.epochMillis("startDate").orElse(null), in.epochMillis("endDate").orElse(null),
                in.texts("tags").orElse(null), in.text("summary").orElse(null), assignee(in).value(),
                in.text("status").orElse(null), in.text("resolutionStatus").orElse(null),
                in.text("impactStatus").orElse(null), CustomFieldJson.read(in.raw("customFields"), "case"));
    }

    /**
     * TheHive's InputManageCaseAccess: {@code {"access": {"_kind": "OrganisationAccessKind"}}} or
     * {@code {"_kind": "UserAccessKind", "users": [logins]}}; the external kinds share cases with
     * other organisations, which this hub does not do, and are refused.
     */
    public static CaseAccess access(JsonNode body) {
        JsonInput in = JsonInput.of(body, "case access", Set.of("access"));
        JsonNode access = in.raw("access");
        if (access == null || access.isNull()) throw in.missing("access");
        if (!access.isObject()) throw in.typeError("access", "an object with _kind");
        JsonInput kind = JsonInput.of(access, "case access", Set.of("_kind", "users"));
        String name = kind.string("_kind", 64).orElseThrow(() -> kind.missing("_kind"));
        return switch (name) {
            case "OrganisationAccessKind" -> {
                if (kind.has("users")) throw new Invalid("Field users is only for UserAccessKind");
                yield CaseAccess.ORGANISATION;
            }
            case "UserAccessKind" -> {
                var users = kind.strings("users", CaseAccessService.MAX_USERS, 256).orElseThrow(() -> kind.missing("users"));
                if (users.isEmpty()) throw new Invalid("Field users of UserAccessKind names at least one user");
                yield CaseAccess.restrictedTo(users);
            }
            case "AllExternalAccessKind", "ExternalAccessKind" -> throw new Invalid("Access " + name
                    + " is not supported: cases are not shared with other organisations here");
            default -> throw new Invalid("Unknown access _kind '" + name
                    + "'; expected OrganisationAccessKind or UserAccessKind");
        };
    }

    /** TheHive's InputChangeCaseOwnership: the new owner organisation, by name or "~id" (the other fields are read and checked). */
    public static String owner(JsonNode body) {
        JsonInput in = JsonInput.of(body, "case ownership", Set.of("organisation", "keepProfile", "taskRule", "observableRule"));
        in.string("keepProfile", 128);
        in.string("taskRule", 128);
        in.string("observableRule", 128);
        return in.requiredString("organisation", 128);
    }

    /** The sharing rules TheHive names for tasks and observables (5.x: manual, autoShare; 4.x: the other three). */
    private static final Set<String> SHARE_RULES = Set.of("manual", "autoShare", "existingOnly", "upcomingOnly", "all");
    static final int MAX_SHARES = 100;

    /** TheHive's InputCreateShares: {@code {"shares": [{"organisation", "share", "profile", "taskRule", "observableRule"}]}}. */
    public static List<CaseShareRequest> shares(JsonNode body) {
        JsonInput in = JsonInput.of(body, "case shares", Set.of("shares"));
        JsonNode shares = in.raw("shares");
        if (shares == null || shares.isNull()) throw in.missing("shares");
        if (!shares.isArray()) throw in.typeError("shares", "an array of shares");
        if (shares.size() > MAX_SHARES) throw new Invalid("At most " + MAX_SHARES + " shares are set at once, not " + shares.size());
        List<CaseShareRequest> out = new ArrayList<>();
        for (JsonNode share : shares) {
            if (!share.isObject()) throw in.typeError("shares", "an array of objects");
            JsonInput s = JsonInput.of(share, "share", Set.of("organisation", "share", "profile", "taskRule", "observableRule"));
            s.bool("share");
            for (String rule : List.of("taskRule", "observableRule")) {
                s.string(rule, 64).filter(r -> !SHARE_RULES.contains(r)).ifPresent(r -> {
                    throw new Invalid("Unknown " + rule + " '" + r + "': expected one of manual, autoShare, existingOnly, upcomingOnly, all");
                });
            }
            out.add(new CaseShareRequest(s.requiredString("organisation", 128), s.string("profile", 64).orElse(null)));
        }
        return out;
    }

    /** The changes of a PATCH. */
    public static CaseChanges changes(JsonNode body) {
        return changes(read(body, UPDATE_FIELDS));
    }

    /** The case fields a promoted alert's body may override (InputCase's; its template, tasks and pages are read apart). */
    public static CaseChanges overrides(JsonNode body) {
        return changes(read(body, FIELDS));
    }

    private static CaseChanges changes(JsonInput in) {
        Change<String> title = text(in, "title");
        Change<String> description = text(in, "description");
        Integer severity = in.integer("severity").orElse(null);
        Tlp tlp = tlp(in);
        Pap pap = pap(in);
        Boolean flag = in.bool("flag").orElse(null);
        Long startDate = in.epochMillis("startDate").orElse(null);
        Change<Long> endDate = Change.of(in.has("endDate"), in.epochMillis("endDate"));
        var tags = in.texts("tags").orElse(null);
        Change<String> summary = text(in, "summary");
        Change<String> assignee = assignee(in);
        return new CaseChanges(title, description, severity, tlp, pap, flag, startDate, endDate, tags, summary,
                assignee, in.text("status").orElse(null), text(in, "resolutionStatus"), text(in, "impactStatus"),
                in.has("customFields") ? CustomFieldJson.read(in.raw("customFields"), "case") : null);
    }

    private static Set<String> union(Set<String> a, String... more) {
        var all = new java.util.HashSet<>(a);
        all.addAll(java.util.List.of(more));
        return Set.copyOf(all);
    }

    private static JsonInput read(JsonNode body, Set<String> fields) {
        JsonInput in = JsonInput.of(body, "case", fields);
        Unsupported.rejectNonEmpty(in, "case", UNSUPPORTED);
        return in;
    }

    private static Change<String> text(JsonInput in, String field) {
        return Change.of(in.has(field), in.text(field));
    }

    /** TheHive names the assignee "assignee" (v1) or "user" (v0); "user" wins when both are sent. */
    private static Change<String> assignee(JsonInput in) {
        Change<String> assignee = text(in, "assignee");
        Change<String> user = text(in, "user");
        return user.present() ? user : assignee;
    }

    private static Tlp tlp(JsonInput in) {
        return in.level("tlp", Tlp::of, Tlp::parse, "a TLP number or name").orElse(null);
    }

    private static Pap pap(JsonInput in) {
        return in.level("pap", Pap::of, Pap::parse, "a PAP number or name").orElse(null);
    }
}
