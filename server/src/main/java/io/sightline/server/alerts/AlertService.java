package io.sightline.server.alerts;

import io.sightline.server.api.JsonInput;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.cases.NewCase;
import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.TagRepository;
import io.sightline.server.common.Tlp;
import io.sightline.server.common.Unsupported;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.NotFound;
import io.sightline.server.observables.ObservableDraft;
import io.sightline.server.observables.ObservableInput;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Service
public class AlertService {
    static final Set<String> CREATE_FIELDS = Set.of("type", "source", "sourceRef", "title", "description", "externalLink",
            "severity", "date", "tags", "flag", "tlp", "pap", "status", "summary", "assignee", "user", "observables",
            "artifacts", "caseTemplate", "customFields", "customFieldValue", "customFieldValues", "procedures",
            "lastSyncDate", "follow", "read");
    static final Set<String> UPDATE_FIELDS = Set.of("title", "description", "externalLink", "severity", "date", "tags",
            "flag", "tlp", "pap", "status", "summary", "assignee", "user", "follow", "read", "lastSyncDate");
    static final List<String> STATUSES = List.of("New", "Updated", "Ignored", "Imported");
    private static final String[] UNSUPPORTED = {"caseTemplate", "customFields", "customFieldValue", "customFieldValues", "procedures"};

    private final AlertRepository alerts;
    private final ObservableRepository observableRepository;
    private final ObservableService observables;
    private final ObservableInput observableInput;
    private final CaseService cases;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    public AlertService(AlertRepository alerts, ObservableRepository observableRepository, ObservableService observables,
                        ObservableInput observableInput, CaseService cases, AuditLog audit, JsonMapper json, Clock clock) {
        this.alerts = alerts;
        this.observableRepository = observableRepository;
        this.observables = observables;
        this.observableInput = observableInput;
        this.cases = cases;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Creates an alert with its inline observables, all or nothing. */
    @Transactional
    public AlertRecord create(Principal p, JsonNode body) {
        p.require(Permission.MANAGE_ALERT);
        JsonInput in = JsonInput.of(body, "alert", CREATE_FIELDS);
        Unsupported.rejectNonEmpty(in, "alert", UNSUPPORTED);
        String type = in.requiredString("type", 256);
        String source = in.requiredString("source", 256);
        String sourceRef = in.requiredString("sourceRef", 512);
        if (alerts.findBySource(p.orgId(), type, source, sourceRef).isPresent()) {
            throw new Conflict("Alert " + type + ":" + source + ":" + sourceRef + " already exist in organisation " + p.orgName());
        }
        List<ObservableDraft> drafts = inlineObservables(in);
        long now = clock.millis();
        AlertRecord a = new AlertRecord(0, p.orgId(), type, source, sourceRef, in.string("externalLink", 2048).orElse(null),
                in.requiredString("title", 1024), in.requiredString("description", 1_000_000), severity(in, 2),
                in.epochMillis("date").orElse(now), in.hasValue("tlp") ? Tlp.fromJson(in.raw("tlp"), "tlp") : Tlp.AMBER.value(),
                in.hasValue("pap") ? Pap.fromJson(in.raw("pap"), "pap") : Pap.AMBER.value(), in.bool("flag").orElse(false),
                in.string("status", 32).map(AlertService::status).orElse("New"), in.bool("read").orElse(false),
                in.bool("follow").orElse(true), null, in.string("summary", 1_000_000).orElse(null),
                in.string("assignee", 256).or(() -> in.string("user", 256)).orElse(null), p.login(), now, null, null,
                in.strings("tags", 500, 512).map(TagRepository::clean).orElse(List.of()));
        long id = alerts.insert(a);
        ObservableService.Outcome outcome = observables.add(p, null, id, drafts);
        if (!outcome.failures().isEmpty()) {
            throw new Conflict("Alert not created: observable refused: "
                    + outcome.failures().get(0).get("message"), outcome.failures());
        }
        AlertRecord created = alerts.findById(p.orgId(), id).orElseThrow();
        audit.record(p, "create", "alert", Ids.format(id), null, AlertView.of(created, outcome.created().size()));
        return created;
    }

    public AlertRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return alerts.findById(p.orgId(), Ids.parse(id, "Alert")).orElseThrow(() -> new NotFound("Alert " + id + " not found"));
    }

    public int observableCount(AlertRecord a) {
        return observableRepository.countOfAlert(a.id());
    }

    @Transactional
    public AlertRecord update(Principal p, String id, JsonNode body) {
        p.require(Permission.MANAGE_ALERT);
        JsonInput in = JsonInput.of(body, "alert", UPDATE_FIELDS);
        AlertRecord a = get(p, id);
        AlertRecord changed = new AlertRecord(a.id(), a.orgId(), a.type(), a.source(), a.sourceRef(),
                in.has("externalLink") ? in.string("externalLink", 2048).orElse(null) : a.externalLink(),
                in.has("title") ? in.requiredString("title", 1024) : a.title(),
                in.has("description") ? in.requiredString("description", 1_000_000) : a.description(),
                severity(in, a.severity()), in.epochMillis("date").orElse(a.date()),
                in.hasValue("tlp") ? Tlp.fromJson(in.raw("tlp"), "tlp") : a.tlp(),
                in.hasValue("pap") ? Pap.fromJson(in.raw("pap"), "pap") : a.pap(), in.bool("flag").orElse(a.flag()),
                in.string("status", 32).map(AlertService::status).orElse(a.status()), in.bool("read").orElse(a.read()),
                in.bool("follow").orElse(a.follow()), a.caseId(),
                in.has("summary") ? in.string("summary", 1_000_000).orElse(null) : a.summary(),
                in.has("assignee") ? in.string("assignee", 256).orElse(null) : a.assignee(), a.createdBy(), a.createdAt(),
                p.login(), clock.millis(), in.strings("tags", 500, 512).map(TagRepository::clean).orElse(a.tags()));
        alerts.update(changed);
        AlertRecord after = get(p, id);
        int count = observableCount(after);
        audit.record(p, "update", "alert", Ids.format(a.id()), AlertView.of(a, count), AlertView.of(after, count));
        return after;
    }

    @Transactional
    public void delete(Principal p, String id) {
        p.require(Permission.MANAGE_ALERT);
        AlertRecord a = get(p, id);
        int count = observableCount(a);
        alerts.delete(a.id());
        audit.record(p, "delete", "alert", Ids.format(a.id()), AlertView.of(a, count), null);
    }

    /** Creates a case from the alert (the given case fields override the alert's) and copies its observables. */
    @Transactional
    public CaseRecord promote(Principal p, String id, CaseChanges overrides) {
        p.require(Permission.MANAGE_ALERT);
        AlertRecord a = get(p, id);
        if (a.caseId() != null) throw new Conflict("Alert " + id + " is already imported into case " + Ids.format(a.caseId()));
        NewCase fromAlert = new NewCase(overrides.title().applyTo(a.title()),
                overrides.description().applyTo(a.description()),
                overrides.severity() != null ? overrides.severity() : Integer.valueOf(a.severity()),
                overrides.tlp() != null ? overrides.tlp() : Tlp.of(a.tlp()),
                overrides.pap() != null ? overrides.pap() : Pap.of(a.pap()),
                overrides.flag() != null ? overrides.flag() : Boolean.valueOf(a.flag()), overrides.startDate(),
                overrides.endDate().value(), overrides.tags() != null ? overrides.tags() : a.tags(),
                overrides.summary().applyTo(a.summary()), overrides.assignee().value(), overrides.status(),
                overrides.resolutionStatus().value(), overrides.impactStatus().value());
        CaseRecord c = cases.create(p, fromAlert);
        copyObservables(p, a, c);
        markImported(p, a, c);
        return c;
    }

    /** Adds the alert's observables (those not already there) to an existing case. */
    @Transactional
    public CaseRecord merge(Principal p, String alertId, String caseIdOrNumber) {
        p.require(Permission.MANAGE_ALERT);
        p.require(Permission.MANAGE_CASE);
        AlertRecord a = get(p, alertId);
        if (a.caseId() != null) throw new Conflict("Alert " + alertId + " is already imported into case " + Ids.format(a.caseId()));
        CaseRecord c = cases.get(p, caseIdOrNumber);
        String merged = c.description() + "\n\n### Merged with alert " + a.sourceRef() + " (" + a.source() + ")\n\n"
                + a.title() + "\n\n" + a.description();
        CaseRecord updated = cases.update(p, Ids.format(c.id()), CaseChanges.NONE.withDescription(merged));
        copyObservables(p, a, updated);
        markImported(p, a, updated);
        return updated;
    }

    private void copyObservables(Principal p, AlertRecord a, CaseRecord c) {
        List<ObservableDraft> drafts = new ArrayList<>();
        for (ObservableRecord o : observableRepository.ofAlert(a.id())) {
            drafts.add(new ObservableDraft(o.dataType(), o.data(), o.attachment(), o.message(), o.tlp(), o.pap(), o.ioc(),
                    o.sighted(), o.ignoreSimilarity(), o.startDate(), o.tags()));
        }
        observables.add(p, c.id(), null, drafts);
    }

    private void markImported(Principal p, AlertRecord a, CaseRecord c) {
        AlertRecord imported = a.imported(c.id(), p.login(), clock.millis());
        alerts.update(imported);
        int count = observableCount(a);
        audit.record(p, "update", "alert", Ids.format(a.id()), AlertView.of(a, count), AlertView.of(imported, count));
        audit.record(p, "merge", "case", Ids.format(c.id()), null, CaseView.of(c));
    }

    private List<ObservableDraft> inlineObservables(JsonInput in) {
        List<ObservableDraft> drafts = new ArrayList<>();
        for (String field : List.of("observables", "artifacts")) {
            JsonNode list = in.raw(field);
            if (list == null || list.isNull()) continue;
            if (!list.isArray()) throw in.typeError(field, "an array of observables");
            for (JsonNode o : list) drafts.addAll(observableInput.read(o, null));
        }
        return drafts;
    }

    private static int severity(JsonInput in, int fallback) {
        int s = in.integer("severity").orElse(fallback);
        if (s < 1 || s > 4) throw new Invalid("Field severity of alert must be 1 (low) to 4 (critical), not " + s);
        return s;
    }

    static String status(String s) {
        for (String v : STATUSES) if (v.equalsIgnoreCase(s)) return v;
        throw new Invalid("Unknown alert status '" + s + "'; use one of " + String.join(", ", STATUSES));
    }
}
