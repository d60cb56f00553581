package io.sightline.server.alerts;

import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.attachments.Upload;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.caseassembly.CaseAssembly;
import io.sightline.server.caseassembly.CaseAssemblyService;
import io.sightline.server.caseassembly.CaseParts;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.cases.NewCase;
import io.sightline.server.casetemplates.CaseTemplateService;
import io.sightline.server.common.BulkIds;
import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.TagRepository;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Text;
import io.sightline.server.customfields.CheckedValue;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.CustomFieldValuesView;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.observables.NewObservable;
import io.sightline.server.observables.ObservableAnswer;
import io.sightline.server.observables.ObservableDraft;
import io.sightline.server.observables.ObservableDrafts;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AlertService {
    static final List<String> STATUSES = List.of("New", "Updated", "Ignored", "Imported");
    static final int MAX_TITLE = 1024;
    static final int MAX_TEXT = 1_000_000;
    static final int MAX_LINK = 2048;
    static final int MAX_LOGIN = 256;
    /** The width of {@code alert.case_template}. */
    static final int MAX_CASE_TEMPLATE = 128;
    static final int MAX_TAGS = 500;
    static final int MAX_TAG = 512;

    private final AlertRepository alerts;
    private final ObservableRepository observableRepository;
    private final ObservableService observables;
    private final ObservableDrafts drafts;
    private final CaseService cases;
    private final CaseAssemblyService assembly;
    private final CaseTemplateService templates;
    private final CustomFieldValues customFields;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<AlertCarryOver> carryOvers;
    private final AttachmentStore attachments;

    public AlertService(AlertRepository alerts, ObservableRepository observableRepository, ObservableService observables, ObservableDrafts drafts,
                        CaseService cases, CaseAssemblyService assembly, CaseTemplateService templates,
                        CustomFieldValues customFields, AuditLog audit, Clock clock, ObjectProvider<AlertCarryOver> carryOvers,
                        AttachmentStore attachments) {
        this.attachments = attachments;
        this.customFields = customFields;
        this.assembly = assembly;
        this.templates = templates;
        this.alerts = alerts;
        this.observableRepository = observableRepository;
        this.observables = observables;
        this.drafts = drafts;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.carryOvers = carryOvers;
    }

    /** Creates an alert with its observables, all or nothing. */
    @Transactional
    public AlertRecord create(Principal p, NewAlert n) {
        return create(p, n, Map.of());
    }

    /**
     * Creates an alert whose file observables name their file by the multipart part that holds it
     * (thehive4py's {@code attachment_map}); every part must be some observable's file. The files are
     * stored in the same transaction, so a refused alert keeps none.
     */
    @Transactional
    public AlertRecord create(Principal p, NewAlert n, Map<String, Upload> files) {
        p.require(Permission.MANAGE_ALERT);
        String type = Text.required("type", "alert", n.type(), 256);
        String source = Text.required("source", "alert", n.source(), 256);
        String sourceRef = Text.required("sourceRef", "alert", n.sourceRef(), 512);
        if (alerts.findBySource(p.orgId(), type, source, sourceRef).isPresent()) {
            throw new Conflict("Alert " + type + ":" + source + ":" + sourceRef + " already exist in organisation " + p.orgName());
        }
        checkParts(n.observables(), files);
        List<ObservableDraft> inline = new ArrayList<>();
        for (NewObservable o : n.observables()) {
            inline.addAll(drafts.of(o, o.attachment() == null ? null : attachments.store(files.get(o.attachment()))));
        }
        String caseTemplate = caseTemplateName(p, n.caseTemplate());
        List<CheckedValue> values = customFields.check(n.customFields());
        long now = clock.millis();
        AlertRecord a = new AlertRecord(0, p.orgId(), type, source, sourceRef,
                Text.storable("externalLink", "alert", n.externalLink(), MAX_LINK),
                Text.required("title", "alert", n.title(), MAX_TITLE),
                Text.required("description", "alert", n.description(), MAX_TEXT),
                severity(n.severity() != null ? n.severity() : 2), n.date() != null ? n.date() : now,
                (n.tlp() != null ? n.tlp() : Tlp.AMBER).value(), (n.pap() != null ? n.pap() : Pap.AMBER).value(),
                n.flag() != null && n.flag(), n.status() != null ? status(n.status()) : "New",
                n.read() != null && n.read(), n.follow() == null || n.follow(), null,
                Text.storable("summary", "alert", n.summary(), MAX_TEXT),
                Text.storable("assignee", "alert", n.assignee(), MAX_LOGIN), p.login(), now, null, null,
                n.tags() != null ? tags(n.tags()) : List.of());
        long id = alerts.insert(a);
        if (caseTemplate != null) alerts.setCaseTemplate(id, caseTemplate);
        if (!values.isEmpty()) customFields.replace(new ValueOwner(ValueOwner.Kind.ALERT, id, p.orgId()), values);
        // the alert as created, before its observables join it: TheHive answers it so, and records
        // the observables' addition as the alert's first update (_updatedAt, _updatedBy when read again)
        AlertRecord created = alerts.findById(p.orgId(), id).orElseThrow();
        ObservableService.Outcome outcome = observables.add(p, null, id, inline);
        if (!outcome.failures().isEmpty()) {
            throw new Conflict("Alert not created: observable refused: "
                    + outcome.failures().get(0).message(), ObservableAnswer.views(outcome.failures()));
        }
        if (!outcome.created().isEmpty()) alerts.touch(id, p.login(), clock.millis());
        audit.record(p, "create", "alert", Ids.format(id), null, view(created, outcome.created().size()));
        return created;
    }

    /**
     * The case template an alert names: an existing one by its own name; a name that matches none
     * is kept as given, as TheHive 5 does, and a promotion from the alert then reports it missing.
     */
    private String caseTemplateName(Principal p, String given) {
        if (given == null) return null;
        try {
            return templates.get(p, given).template().name();
        } catch (NotFound unknown) {
            return Text.required("caseTemplate", "alert", given, MAX_CASE_TEMPLATE);
        }
    }

    /** Each observable's part was sent, and each part sent is an observable's. */
    private static void checkParts(List<NewObservable> observables, Map<String, Upload> files) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (NewObservable o : observables) {
            if (o.attachment() == null) continue;
            if (!files.containsKey(o.attachment())) {
                throw new Invalid("Observable attachment " + o.attachment() + " names no file: send the file in a multipart part named "
                        + o.attachment());
            }
            named.add(o.attachment());
        }
        for (String part : files.keySet()) {
            if (!named.contains(part)) throw new Invalid("Part " + part + " is the file of no observable: name it in an observable's attachment field");
        }
    }

    /** The alert as TheHive shows it, with the case template it names and its custom field values. */
    java.util.Map<String, Object> view(AlertRecord a, int observableCount) {
        return view(a, observableCount, customFieldsOf(a));
    }

    private java.util.Map<String, Object> view(AlertRecord a, int observableCount, List<StoredValue> values) {
        var out = AlertView.of(a, observableCount);
        alerts.caseTemplateOf(a.id()).ifPresent(t -> out.put("caseTemplate", t));
        out.put("customFields", CustomFieldValuesView.list(values));
        return out;
    }

    private List<StoredValue> customFieldsOf(AlertRecord a) {
        return customFields.of(ValueOwner.Kind.ALERT, a.id());
    }

    /** The given values replace those of their fields; the alert's other fields keep theirs. */
    private List<CheckedValue> merged(List<StoredValue> kept, List<CustomFieldInput> given) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (CustomFieldInput in : given) names.add(in.name());
        List<CustomFieldInput> all = new ArrayList<>();
        for (StoredValue v : kept) if (!names.contains(v.name())) all.add(v.asInput());
        all.addAll(given);
        return customFields.check(all);
    }

    public AlertRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return alerts.findById(p.orgId(), Ids.parse(id, "Alert")).orElseThrow(() -> new NotFound("Alert " + id + " not found"));
    }

    /**
     * The caller's organisation's alerts waiting in status New, by severity and source. The count
     * reads at most 1,000 severity-and-source groups, far more than a hub's sources.
     */
    public NewAlerts newAlerts(Principal p) {
        p.require(Permission.READ);
        return NewAlerts.of(alerts.countBySeverityAndSource(p.orgId(), "New", 1_000));
    }

    public int observableCount(AlertRecord a) {
        return observableRepository.countOfAlert(a.id());
    }

    @Transactional
    public AlertRecord update(Principal p, String id, AlertChanges ch) {
        p.require(Permission.MANAGE_ALERT);
        AlertRecord a = get(p, id);
        List<StoredValue> valuesBefore = customFieldsOf(a);
        List<CheckedValue> values = ch.customFields() == null ? null : merged(valuesBefore, ch.customFields());
        AlertRecord changed = new AlertRecord(a.id(), a.orgId(), a.type(), a.source(), a.sourceRef(),
                Text.storable("externalLink", "alert", ch.externalLink().applyTo(a.externalLink()), MAX_LINK),
                ch.title().present() ? Text.required("title", "alert", ch.title().value(), MAX_TITLE) : a.title(),
                ch.description().present()
                        ? Text.required("description", "alert", ch.description().value(), MAX_TEXT) : a.description(),
                severity(ch.severity() != null ? ch.severity() : a.severity()), ch.date() != null ? ch.date() : a.date(),
                ch.tlp() != null ? ch.tlp().value() : a.tlp(), ch.pap() != null ? ch.pap().value() : a.pap(),
                ch.flag() != null ? ch.flag() : a.flag(), ch.status() != null ? status(ch.status()) : a.status(),
                ch.read() != null ? ch.read() : a.read(), ch.follow() != null ? ch.follow() : a.follow(), a.caseId(),
                Text.storable("summary", "alert", ch.summary().applyTo(a.summary()), MAX_TEXT),
                Text.storable("assignee", "alert", ch.assignee().applyTo(a.assignee()), MAX_LOGIN), a.createdBy(),
                a.createdAt(), p.login(), clock.millis(), ch.tags() != null ? tags(ch.tags()) : a.tags());
        alerts.update(changed);
        if (values != null) customFields.replace(new ValueOwner(ValueOwner.Kind.ALERT, a.id(), a.orgId()), values);
        AlertRecord after = get(p, id);
        int count = observableCount(after);
        audit.record(p, "update", "alert", Ids.format(a.id()), view(a, count, valuesBefore), view(after, count));
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

    /** The same changes to every listed alert, all or nothing; one audit entry per alert. */
    @Transactional
    public void updateAll(Principal p, BulkIds ids, AlertChanges ch) {
        p.require(Permission.MANAGE_ALERT);
        for (String id : ids.ids()) update(p, id, ch);
    }

    /** Deletes every listed alert, all or nothing: one unknown id deletes none. */
    @Transactional
    public void deleteAll(Principal p, BulkIds ids) {
        p.require(Permission.MANAGE_ALERT);
        for (String id : ids.ids()) delete(p, id);
    }

    /**
     * Creates a case from the alert (the given case fields override the alert's) and copies its
     * observables; the case is made from the template the promotion names, else the alert's, with
     * the promotion's tasks and pages.
     */
    @Transactional
    public CaseRecord promote(Principal p, String id, CaseChanges overrides, CaseParts parts) {
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
                overrides.resolutionStatus().value(), overrides.impactStatus().value(),
                // the promotion's custom field values, else the alert's
                overrides.customFields() != null ? overrides.customFields()
                        : customFieldsOf(a).stream().map(StoredValue::asInput).toList());
        CaseParts withTemplate = parts.caseTemplate() != null ? parts
                : parts.withTemplate(alerts.caseTemplateOf(a.id()).orElse(null));
        CaseRecord c = assembly.create(p, new CaseAssembly(fromAlert, withTemplate));
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

    /** Merges every listed alert into one case, all or nothing; answers the case as it ends. */
    @Transactional
    public CaseRecord mergeAll(Principal p, BulkIds alertIds, String caseIdOrNumber) {
        CaseRecord c = null;
        for (String id : alertIds.ids()) c = merge(p, id, caseIdOrNumber);
        return c;
    }

    /**
     * Imports the alert into an existing case: its observables (those not already there) join the
     * case and the alert is linked to it, but the case's description is left as it is (a merge
     * appends the alert's).
     */
    @Transactional
    public CaseRecord importInto(Principal p, String alertId, String caseIdOrNumber) {
        p.require(Permission.MANAGE_ALERT);
        p.require(Permission.MANAGE_CASE);
        AlertRecord a = get(p, alertId);
        if (a.caseId() != null) throw new Conflict("Alert " + alertId + " is already imported into case " + Ids.format(a.caseId()));
        CaseRecord c = cases.get(p, caseIdOrNumber);
        copyObservables(p, a, c);
        markImported(p, a, c);
        return c;
    }

    /** Takes the alert out of the case it was imported into; the observables it brought stay in the case. */
    @Transactional
    public void unlink(Principal p, String caseIdOrNumber, String alertId) {
        p.require(Permission.MANAGE_ALERT);
        p.require(Permission.MANAGE_CASE);
        CaseRecord c = cases.get(p, caseIdOrNumber);
        AlertRecord a = get(p, alertId);
        if (a.caseId() == null || a.caseId() != c.id()) {
            throw new NotFound("Alert " + alertId + " is not linked to case " + caseIdOrNumber);
        }
        AlertRecord unlinked = a.unlinked(p.login(), clock.millis());
        alerts.update(unlinked);
        int count = observableCount(a);
        audit.record(p, "update", "alert", Ids.format(a.id()), AlertView.of(a, count), AlertView.of(unlinked, count));
    }

    /** Moves the alerts imported into one case over to another (a case merge), each audited. */
    @Transactional
    public void moveToCase(Principal p, long fromCaseId, CaseRecord to) {
        p.require(Permission.MANAGE_ALERT);
        for (AlertRecord a : alerts.ofCase(fromCaseId)) {
            if (a.orgId() != p.orgId()) continue; // a case's alerts are of its organisation; kept as a guard
            AlertRecord moved = a.imported(to.id(), p.login(), clock.millis());
            alerts.update(moved);
            int count = observableCount(a);
            audit.record(p, "update", "alert", Ids.format(a.id()), AlertView.of(a, count), AlertView.of(moved, count));
        }
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
        // the alert's comments, procedures and custom field values go to the case too, as in TheHive 5
        carryOvers.orderedStream().forEach(carry -> carry.carry(p, a, c));
        AlertRecord imported = a.imported(c.id(), p.login(), clock.millis());
        alerts.update(imported);
        int count = observableCount(a);
        audit.record(p, "update", "alert", Ids.format(a.id()), AlertView.of(a, count), AlertView.of(imported, count));
        audit.record(p, "merge", "case", Ids.format(c.id()), null, CaseView.of(c));
    }

    private static int severity(int s) {
        if (s < 1 || s > 4) throw new Invalid("Field severity of alert must be 1 (low) to 4 (critical), not " + s);
        return s;
    }

    private static List<String> tags(List<String> tags) {
        return TagRepository.clean(Text.storable("tags", "alert", tags, MAX_TAGS, MAX_TAG));
    }

    static String status(String s) {
        Text.storable("status", "alert", s, 32);
        for (String v : STATUSES) if (v.equalsIgnoreCase(s)) return v;
        throw new Invalid("Unknown alert status '" + s + "'; use one of " + String.join(", ", STATUSES));
    }
}
