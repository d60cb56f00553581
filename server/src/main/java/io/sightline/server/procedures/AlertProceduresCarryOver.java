package io.sightline.server.procedures;

import io.sightline.server.alerts.AlertCarryOver;
import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.common.Ids;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An imported alert's procedures (TTPs), copied onto its case; one the case already records (same
 * technique, tactic and date, as when an alert is merged twice into related cases) is not doubled.
 */
@Component
class AlertProceduresCarryOver implements AlertCarryOver {
    private final ProcedureRepository procedures;
    private final AuditLog audit;
    private final Clock clock;

    AlertProceduresCarryOver(ProcedureRepository procedures, AuditLog audit, Clock clock) {
        this.procedures = procedures;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void carry(Principal p, AlertRecord alert, CaseRecord target) {
        Set<String> known = new HashSet<>();
        for (ProcedureRecord r : procedures.ofCase(target.id())) known.add(key(r));
        long now = clock.millis();
        for (ProcedureRecord r : procedures.ofAlert(alert.id())) {
            if (!known.add(key(r))) continue;
            long id = procedures.insert(target.orgId(), target.id(), null,
                    new NewProcedure(r.patternId(), r.tactic(), r.occurDate(), r.description()), p.login(), now);
            audit.record(p, "create", "procedure", Ids.format(id), null,
                    ProcedureView.of(procedures.findVisible(p, id).orElseThrow()));
        }
    }

    private static String key(ProcedureRecord r) {
        return r.patternId() + "\u0000" + r.tactic() + "\u0000" + r.occurDate();
    }
}
