package io.sightline.server.procedures;

import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertService;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.patterns.PatternRecord;
import io.sightline.server.patterns.PatternService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procedures of the caller's organisation's cases and alerts. Changing a case's procedures needs
 * the right to manage cases, an alert's the right to manage alerts: a procedure is part of its case
 * or alert. Every check runs before the first write, so a refused request writes nothing.
 */
@Service
public class ProcedureService {
    public static final int MAX_BULK = 100;
    static final int MAX_DESCRIPTION = 1_048_576;

    private final ProcedureRepository procedures;
    private final PatternService patterns;
    private final CaseService cases;
    private final AlertService alerts;
    private final AuditLog audit;
    private final Clock clock;

    public ProcedureService(ProcedureRepository procedures, PatternService patterns, CaseService cases,
                            AlertService alerts, AuditLog audit, Clock clock) {
        this.procedures = procedures;
        this.patterns = patterns;
        this.cases = cases;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<ProcedureRecord> createInCase(Principal p, String caseIdOrNumber, List<NewProcedure> input) {
        p.require(Permission.MANAGE_CASE);
        long caseId = cases.idOf(p, caseIdOrNumber);
        return create(p, caseId, null, input);
    }

    @Transactional
    public List<ProcedureRecord> createInAlert(Principal p, String alertId, List<NewProcedure> input) {
        p.require(Permission.MANAGE_ALERT);
        AlertRecord alert = alerts.get(p, alertId);
        return create(p, null, alert.id(), input);
    }

    public ProcedureRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return procedures.findVisible(p, Ids.parse(id, "Procedure"))
                .orElseThrow(() -> new NotFound("Procedure " + id + " not found"));
    }

    public List<ProcedureRecord> ofCase(Principal p, String caseIdOrNumber) {
        return procedures.ofCase(cases.idOf(p, caseIdOrNumber));
    }

    public List<ProcedureRecord> ofAlert(Principal p, String alertId) {
        return procedures.ofAlert(alerts.get(p, alertId).id());
    }

    /** The distinct patterns the case's procedures name, in the order they first occurred. */
    public List<PatternRecord> patternsOfCase(Principal p, String caseIdOrNumber) {
        var ids = new LinkedHashSet<String>();
        for (ProcedureRecord r : ofCase(p, caseIdOrNumber)) ids.add(r.patternId());
        List<PatternRecord> out = new ArrayList<>();
        for (String id : ids) {
            try {
                out.add(patterns.technique(id));
            } catch (Invalid removedFromCatalogue) {
                // the procedure keeps its ATT&CK id; the pattern is no longer there to show
            }
        }
        return out;
    }

    @Transactional
    public ProcedureRecord update(Principal p, String id, ProcedureChanges changes) {
        ProcedureRecord before = get(p, id);
        requireManage(p, before);
        String patternId = changes.patternId() != null ? changes.patternId() : before.patternId();
        String tactic = changes.tactic() != null ? changes.tactic() : before.tactic();
        if (changes.patternId() != null && changes.tactic() == null && tactic != null
                && !patterns.technique(patternId).hasTactic(tactic)) {
            throw new Invalid("Procedure " + id + " has tactic " + tactic + ", which " + patternId.toUpperCase(Locale.ROOT)
                    + " does not serve; give a tactic along with the new patternId");
        }
        NewProcedure checked = check(new NewProcedure(patternId, tactic,
                changes.occurDate() != null ? changes.occurDate() : before.occurDate(),
                changes.description() == null ? before.description()
                        : changes.description().isEmpty() ? null : changes.description()));
        long now = clock.millis();
        procedures.update(new ProcedureRecord(before.id(), before.orgId(), before.caseId(), before.alertId(),
                checked.patternId(), null, checked.tactic(), checked.occurDate(), checked.description(),
                before.createdBy(), before.createdAt(), p.login(), now));
        ProcedureRecord after = get(p, id);
        audit.record(p, "update", "procedure", Ids.format(after.id()), ProcedureView.of(before), ProcedureView.of(after));
        return after;
    }

    @Transactional
    public void delete(Principal p, String id) {
        deleteAll(p, List.of(id));
    }

    /** Deletes all the procedures or, if one is not found or not allowed, none. */
    @Transactional
    public void deleteAll(Principal p, List<String> ids) {
        if (ids.isEmpty()) throw new Invalid("Field ids must list at least one procedure");
        if (ids.size() > MAX_BULK) throw new Invalid("At most " + MAX_BULK + " procedures are deleted at once, not " + ids.size());
        Map<Long, ProcedureRecord> found = new LinkedHashMap<>();
        for (String id : ids) {
            ProcedureRecord r = get(p, id);
            requireManage(p, r);
            found.put(r.id(), r);
        }
        procedures.delete(found.keySet());
        for (ProcedureRecord r : found.values()) {
            audit.record(p, "delete", "procedure", Ids.format(r.id()), ProcedureView.of(r), null);
        }
    }

    /**
     * Moves the procedures (TTPs) of one case of the caller's organisation to another (a case merge), as
     * one statement; each is audited as an update naming both cases.
     */
    @Transactional
    public void moveToCase(Principal p, long fromCaseId, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        java.util.List<Long> moved = procedures.moveToCase(p.orgId(), fromCaseId, toCaseId);
        audit.recordMoves(p, "procedure", moved, fromCaseId, toCaseId);
    }

    private List<ProcedureRecord> create(Principal p, Long caseId, Long alertId, List<NewProcedure> input) {
        if (input.isEmpty()) throw new Invalid("At least one procedure is required");
        if (input.size() > MAX_BULK) throw new Invalid("At most " + MAX_BULK + " procedures are created at once, not " + input.size());
        List<NewProcedure> checked = input.stream().map(this::check).toList();
        long now = clock.millis();
        List<ProcedureRecord> created = new ArrayList<>();
        for (NewProcedure n : checked) {
            long id = procedures.insert(p.orgId(), caseId, alertId, n, p.login(), now);
            ProcedureRecord r = procedures.findVisible(p, id).orElseThrow();
            audit.record(p, "create", "procedure", Ids.format(id), null, ProcedureView.of(r));
            created.add(r);
        }
        return created;
    }

    /** The pattern must be in the catalogue, the tactic one of the pattern's (given as name or label). */
    private NewProcedure check(NewProcedure n) {
        if (n.patternId() == null || n.patternId().isBlank()) throw new Invalid("Field patternId of procedure is required");
        PatternRecord pattern = patterns.technique(n.patternId().strip());
        String tactic = n.tactic() == null ? null : n.tactic().strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (tactic != null && !pattern.hasTactic(tactic)) {
            throw new Invalid("Tactic " + n.tactic() + " is not a tactic of " + pattern.patternId() + " (" + pattern.name()
                    + "), whose tactics are " + String.join(", ", pattern.tactics()));
        }
        if (n.description() != null && n.description().length() > MAX_DESCRIPTION) {
            throw new Invalid("Field description of procedure is too long (at most " + MAX_DESCRIPTION + " characters)");
        }
        return new NewProcedure(pattern.patternId(), tactic, n.occurDate(), n.description());
    }

    private static void requireManage(Principal p, ProcedureRecord r) {
        p.require(r.caseId() != null ? Permission.MANAGE_CASE : Permission.MANAGE_ALERT);
    }
}
