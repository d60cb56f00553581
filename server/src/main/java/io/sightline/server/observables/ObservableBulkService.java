package io.sightline.server.observables;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Change;
import io.sightline.server.common.Ids;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Applies one action to observables chosen in a case's or an alert's table, each through
 * {@link ObservableService} (its permission, organisation and audit rules) in its own transaction,
 * so that one refusal does not undo the others: each observable is changed or refused with its reason.
 */
@Service
public class ObservableBulkService {
    public static final int MAX_IDS = 1_000;

    private final ObservableService observables;

    public ObservableBulkService(ObservableService observables) {
        this.observables = observables;
    }

    /** The action on each listed observable of the case (caseId set) or alert; others are refused. */
    public BulkOutcome apply(Principal p, Long caseId, Long alertId, List<Long> ids, BulkObservableAction action) {
        p.require(Permission.MANAGE_OBSERVABLE);
        if (ids.isEmpty()) throw new Invalid("Select at least one observable");
        if (ids.size() > MAX_IDS) throw new Invalid("At most " + MAX_IDS + " observables at once");
        List<Long> done = new ArrayList<>();
        List<BulkOutcome.Refusal> refused = new ArrayList<>();
        for (long id : new LinkedHashSet<>(ids)) {
            String ref = Ids.format(id);
            ObservableRecord o;
            try {
                o = observables.get(p, ref);
            } catch (DomainException e) {
                refused.add(new BulkOutcome.Refusal(id, ref, e.getMessage()));
                continue;
            }
            if (!belongs(o, caseId, alertId)) {
                refused.add(new BulkOutcome.Refusal(id, o.shown(), "Observable " + ref + " is not one of this "
                        + (caseId != null ? "case" : "alert")));
                continue;
            }
            try {
                applyTo(p, o, action);
                done.add(id);
            } catch (DomainException e) {
                refused.add(new BulkOutcome.Refusal(id, o.shown(), e.getMessage()));
            }
        }
        return new BulkOutcome(done, refused);
    }

    private void applyTo(Principal p, ObservableRecord o, BulkObservableAction action) {
        String ref = Ids.format(o.id());
        switch (action.kind()) {
            case DELETE -> observables.delete(p, ref);
            case IOC_ON, IOC_OFF -> observables.update(p, ref, new ObservableChanges(Change.keep(), null, null,
                    action.kind() == BulkObservableAction.Kind.IOC_ON, null, null, null, null));
            case SET_TLP -> observables.update(p, ref, new ObservableChanges(Change.keep(), action.tlp(), null, null, null,
                    null, null, null));
            case ADD_TAGS -> {
                Set<String> tags = new LinkedHashSet<>(o.tags());
                tags.addAll(action.tags());
                observables.update(p, ref, new ObservableChanges(Change.keep(), null, null, null, null, null, null,
                        List.copyOf(tags)));
            }
        }
    }

    private static boolean belongs(ObservableRecord o, Long caseId, Long alertId) {
        return caseId != null ? caseId.equals(o.caseId()) : alertId != null && alertId.equals(o.alertId());
    }
}
