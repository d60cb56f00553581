package io.sightline.server.casemerge;

import io.sightline.server.alerts.AlertService;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.caselinks.CaseLinkService;
import io.sightline.server.cases.CaseAccess;
import io.sightline.server.cases.CaseAccessService;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.cases.MergedCaseHandover;
import io.sightline.server.cases.NewCase;
import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.comments.CommentService;
import io.sightline.server.core.Invalid;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.observables.ObservableMove;
import io.sightline.server.pages.PageService;
import io.sightline.server.procedures.ProcedureService;
import io.sightline.server.recordfiles.RecordFileService;
import io.sightline.server.tasks.TaskService;
import io.sightline.server.timeline.CustomEventService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges cases as TheHive 5 does: a new case titled "a / b", the descriptions one after the
 * other, the highest severity, TLP and PAP, the union of tags, flagged if any was, the custom
 * field values of the first case holding each field; and everything an analyst recorded moves to
 * it as it is, ids kept: observables with their analyzer jobs and responder actions, the
 * responder actions run on the case, tasks with their logs and files, comments, pages,
 * procedures, custom timeline events, alerts, attached files, and the case links both ways; the
 * state other packages keep per case follows through their {@link MergedCaseHandover} (the
 * case's MISP events). A value several originals hold stays once: the observable
 * of the first original holding it absorbs the later ones (tags, flags, most restrictive TLP and
 * PAP, earliest start) and their jobs and actions ({@link ObservableMove}). The originals are then
 * deleted. All or nothing, in one transaction; each package moves its own rows in one statement per
 * case and audits them.
 *
 * <p>If any original is restricted, the merged case is restricted to the users named on every
 * restricted original (the intersection): whoever sees the merged case could see each restricted
 * part of it before. The caller is always among them, since only a case the caller sees can be merged.
 */
@Service
public class CaseMergeService {
    static final int MAX_CASES = 20;

    private final CaseService cases;
    private final ObservableMove observables;
    private final TaskService tasks;
    private final AlertService alerts;
    private final AuditLog audit;
    private final RecordFileService files;
    private final CaseAccessService access;
    private final CommentService comments;
    private final PageService pages;
    private final ProcedureService procedures;
    private final CustomEventService events;
    private final CaseLinkService links;
    private final ObjectProvider<MergedCaseHandover> handovers;

    public CaseMergeService(CaseService cases, ObservableMove observables,
                            TaskService tasks, AlertService alerts, AuditLog audit, RecordFileService files,
                            CaseAccessService access, CommentService comments, PageService pages, ProcedureService procedures,
                            CustomEventService events, CaseLinkService links,
                            ObjectProvider<MergedCaseHandover> handovers) {
        this.files = files;
        this.access = access;
        this.comments = comments;
        this.pages = pages;
        this.procedures = procedures;
        this.events = events;
        this.links = links;
        this.handovers = handovers;
        this.cases = cases;
        this.observables = observables;
        this.tasks = tasks;
        this.alerts = alerts;
        this.audit = audit;
    }

    @Transactional
    public CaseRecord merge(Principal p, List<String> caseIdsOrNumbers) {
        p.require(Permission.MANAGE_CASE);
        Map<Long, CaseRecord> byId = new LinkedHashMap<>();
        for (String id : caseIdsOrNumbers) {
            CaseRecord c = cases.get(p, id);
            byId.put(c.id(), c);
        }
        if (byId.size() < 2) throw new Invalid("A merge needs at least two different cases");
        if (byId.size() > MAX_CASES) throw new Invalid("At most " + MAX_CASES + " cases are merged at once, not " + byId.size());
        List<CaseRecord> originals = List.copyOf(byId.values());
        CaseRecord merged = cases.create(p, combined(originals, customFields(originals)));
        restrict(p, merged, originals);
        for (CaseRecord c : originals) {
            observables.moveToCase(p, c.id(), merged.id());
            tasks.moveToCase(p, c.id(), merged.id());
            comments.moveToCase(p, c.id(), merged.id());
            pages.moveToCase(p, c.id(), merged.id());
            procedures.moveToCase(p, c.id(), merged.id());
            events.moveToCase(p, c.id(), merged.id());
            alerts.moveToCase(p, c.id(), merged);
            files.moveCaseFiles(p, c.id(), merged.id());
        }
        links.moveToCase(p, List.copyOf(byId.keySet()), merged.id());
        handovers.orderedStream().forEach(h -> h.handOver(p, List.copyOf(byId.keySet()), merged.id()));
        for (CaseRecord c : originals) cases.delete(p, Ids.format(c.id()));
        // the originals' trail, their deletion included, is now as hidden as the merged case is
        for (CaseRecord c : originals) audit.moveEntries(c.orgId(), c.id(), c.createdAt(), merged.id());
        CaseRecord result = cases.get(p, Ids.format(merged.id()));
        audit.record(p, "merge", "case", Ids.format(merged.id()),
                Map.of("cases", originals.stream().map(c -> Ids.format(c.id())).toList()), CaseView.of(result));
        return result;
    }

    /** Restricts the merged case to the users every restricted original names; left open when none is restricted. */
    private void restrict(Principal p, CaseRecord merged, List<CaseRecord> originals) {
        Set<String> users = null;
        for (CaseRecord c : originals) {
            if (!c.access().restricted()) continue;
            if (users == null) users = new LinkedHashSet<>(c.access().users());
            else users.retainAll(c.access().users());
        }
        if (users != null) access.setAccess(p, Ids.format(merged.id()), CaseAccess.restrictedTo(List.copyOf(users)));
    }

    /**
     * The custom field values of the merged case: each field's values from the first original that
     * has the field (a single-valued field cannot hold two), in the originals' order.
     */
    private List<CustomFieldInput> customFields(List<CaseRecord> originals) {
        Set<String> taken = new LinkedHashSet<>();
        List<CustomFieldInput> out = new ArrayList<>();
        for (CaseRecord c : originals) {
            List<StoredValue> values = cases.customFieldsOf(c.id());
            Set<String> own = new LinkedHashSet<>();
            for (StoredValue v : values) {
                if (taken.contains(v.name())) continue;
                own.add(v.name());
                CustomFieldInput in = v.asInput();
                out.add(new CustomFieldInput(in.name(), in.value(), out.size()));
            }
            taken.addAll(own);
        }
        return out;
    }

    private static NewCase combined(List<CaseRecord> originals, List<CustomFieldInput> customFields) {
        String title = String.join(" / ", originals.stream().map(CaseRecord::title).toList());
        String description = String.join("\n\n", originals.stream().map(CaseRecord::description).toList());
        Set<String> tags = new LinkedHashSet<>();
        originals.forEach(c -> tags.addAll(c.tags()));
        int severity = originals.stream().mapToInt(CaseRecord::severity).max().orElseThrow();
        int tlp = originals.stream().mapToInt(CaseRecord::tlp).max().orElseThrow();
        int pap = originals.stream().mapToInt(CaseRecord::pap).max().orElseThrow();
        boolean flag = originals.stream().anyMatch(CaseRecord::flag);
        long startDate = originals.stream().mapToLong(CaseRecord::startDate).min().orElseThrow();
        return new NewCase(title, description, severity, Tlp.of(tlp), Pap.of(pap), flag, startDate, null,
                List.copyOf(tags), null, null, null, null, null, customFields);
    }
}
