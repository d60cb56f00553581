package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the observables of one case to another (a case merge), keeping their ids, so that what
 * points at them (analyzer jobs, responder actions, tags, audit entries) stays theirs. A case holds
 * a type and value once: an observable whose value the target case already holds is absorbed by
 * the target's one ({@link ObservableAbsorption}). The others move in one statement.
 */
@Service
public class ObservableMove {
    /** Pairs read per query: their ids stay well within a statement's parameters. */
    private static final int READ_AT_ONCE = 500;

    private final ObservableRepository observables;
    private final ObservableAbsorption absorption;
    private final AuditLog audit;

    public ObservableMove(ObservableRepository observables, ObservableAbsorption absorption, AuditLog audit) {
        this.observables = observables;
        this.absorption = absorption;
        this.audit = audit;
    }

    /**
     * Moves the observables of one case of the caller's organisation to another, each moved one
     * audited as an update naming both cases.
     */
    @Transactional
    public void moveToCase(Principal p, long fromCaseId, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        List<Map.Entry<Long, Long>> pairs = List.copyOf(observables.alsoIn(p.orgId(), fromCaseId, toCaseId).entrySet());
        for (int i = 0; i < pairs.size(); i += READ_AT_ONCE) {
            List<Map.Entry<Long, Long>> slice = pairs.subList(i, Math.min(pairs.size(), i + READ_AT_ONCE));
            List<Long> read = new ArrayList<>();
            slice.forEach(pair -> {
                read.add(pair.getKey());
                read.add(pair.getValue());
            });
            Map<Long, ObservableRecord> byId = observables.byIds(read).stream()
                    .collect(Collectors.toMap(ObservableRecord::id, Function.identity()));
            absorption.absorb(p, toCaseId, slice.stream()
                    .map(pair -> new ObservableAbsorption.Group(byId.get(pair.getValue()), List.of(byId.get(pair.getKey()))))
                    .toList());
        }
        audit.recordMoves(p, "observable", observables.moveToCase(p.orgId(), fromCaseId, toCaseId), fromCaseId, toCaseId);
    }
}
