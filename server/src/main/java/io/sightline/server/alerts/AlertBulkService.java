package io.sightline.server.alerts;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.caseassembly.CaseParts;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.BulkIds;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * One action on several alerts, alert by alert: each goes through {@link AlertService} in its own
 * transaction, with the rules of the single action, so one refused alert (already imported, of
 * another organisation, deleted meanwhile) does not undo the others. Unlike TheHive's
 * {@code _bulk} routes (all or nothing), the caller gets one {@link AlertOutcome} per alert.
 */
@Service
public class AlertBulkService {
    private final AlertService alerts;
    private final CaseService cases;

    public AlertBulkService(AlertService alerts, CaseService cases) {
        this.alerts = alerts;
        this.cases = cases;
    }

    /**
     * Applies the action to every listed alert in order; {@code caseNumber} names the case of a
     * merge and is ignored otherwise. The permissions and the target case are checked before any
     * alert is touched, so a refusal of the whole call writes nothing.
     */
    public List<AlertOutcome> apply(Principal p, AlertBulkAction action, BulkIds ids, String caseNumber) {
        p.require(Permission.MANAGE_ALERT);
        CaseRecord target = null;
        if (action == AlertBulkAction.MERGE) {
            p.require(Permission.MANAGE_CASE);
            if (caseNumber == null || caseNumber.isBlank()) throw new Invalid("Choose the case to merge the alerts into");
            target = cases.get(p, caseNumber.trim().replaceFirst("^#", ""));
        }
        List<AlertOutcome> out = new ArrayList<>();
        for (String id : ids.ids()) out.add(one(p, action, id, target));
        return out;
    }

    private AlertOutcome one(Principal p, AlertBulkAction action, String id, CaseRecord target) {
        String title = null;
        try {
            AlertRecord a = alerts.get(p, id);
            title = a.title();
            return switch (action) {
                case IGNORE -> {
                    // an imported alert stays Imported: ignoring it would hide the case it went to
                    if (a.caseId() != null) throw new Conflict("Alert " + id + " is already imported into a case");
                    alerts.update(p, id, AlertChanges.NONE.withStatus("Ignored"));
                    yield AlertOutcome.done(id, title, "Ignored", null);
                }
                case PROMOTE -> {
                    CaseRecord c = alerts.promote(p, id, CaseChanges.NONE, CaseParts.NONE);
                    yield AlertOutcome.done(id, title, "Promoted to case #" + c.number(), c.number());
                }
                case MERGE -> {
                    CaseRecord c = alerts.merge(p, id, Ids.format(target.id()));
                    yield AlertOutcome.done(id, title, "Merged into case #" + c.number(), c.number());
                }
                case DELETE -> {
                    alerts.delete(p, id);
                    yield AlertOutcome.done(id, title, "Deleted", null);
                }
            };
        } catch (DomainException refused) {
            return AlertOutcome.refused(id, title, refused.getMessage());
        }
    }
}
