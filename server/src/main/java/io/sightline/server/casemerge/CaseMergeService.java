package io.sightline.server.casemerge;

import io.sightline.server.alerts.AlertService;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.cases.NewCase;
import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.observables.ObservableDraft;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.recordfiles.RecordFileService;
import io.sightline.server.tasks.NewTask;
import io.sightline.server.tasks.TaskRecord;
import io.sightline.server.tasks.TaskService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges cases as TheHive 5 does: a new case titled "a / b", the descriptions one after the
 * other, the highest severity, TLP and PAP, the union of tags, flagged if any was; the
 * observables (a value held by several cases once, tags and flags merged), the tasks, the
 * alerts and the attached files of every case move to it, and the originals are deleted. All or nothing.
 */
@Service
public class CaseMergeService {
    static final int MAX_CASES = 20;

    private final CaseService cases;
    private final ObservableService observables;
    private final ObservableRepository observableRepository;
    private final TaskService tasks;
    private final AlertService alerts;
    private final AuditLog audit;
    private final RecordFileService files;

    public CaseMergeService(CaseService cases, ObservableService observables, ObservableRepository observableRepository,
                            TaskService tasks, AlertService alerts, AuditLog audit, RecordFileService files) {
        this.files = files;
        this.cases = cases;
        this.observables = observables;
        this.observableRepository = observableRepository;
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
        CaseRecord merged = cases.create(p, combined(originals));
        for (CaseRecord c : originals) {
            observables.add(p, merged.id(), null, drafts(observableRepository.ofCase(c.id())));
            for (TaskRecord t : tasks.ofCase(p, Ids.format(c.id()))) {
                tasks.create(p, Ids.format(merged.id()), new NewTask(t.title(), t.group(), t.description(), t.status(),
                        t.flag(), t.mandatory(), t.order(), t.assignee(), t.dueDate(), t.startDate(), t.endDate()));
            }
            alerts.moveToCase(p, c.id(), merged);
            files.moveCaseFiles(p, c.id(), merged.id());
        }
        for (CaseRecord c : originals) cases.delete(p, Ids.format(c.id()));
        CaseRecord result = cases.get(p, Ids.format(merged.id()));
        audit.record(p, "merge", "case", Ids.format(merged.id()),
                Map.of("cases", originals.stream().map(c -> Ids.format(c.id())).toList()), CaseView.of(result));
        return result;
    }

    private static NewCase combined(List<CaseRecord> originals) {
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
                List.copyOf(tags), null, null, null, null, null);
    }

    private static List<ObservableDraft> drafts(List<ObservableRecord> records) {
        List<ObservableDraft> drafts = new ArrayList<>();
        for (ObservableRecord o : records) {
            drafts.add(new ObservableDraft(o.dataType(), o.data(), o.attachment(), o.message(), o.tlp(), o.pap(), o.ioc(),
                    o.sighted(), o.ignoreSimilarity(), o.startDate(), o.tags()));
        }
        return drafts;
    }
}
