package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves the observables of one case to another (a case merge), keeping their ids, so that what
 * points at them (analyzer jobs, responder actions, tags, audit entries) stays theirs. A case holds
 * a type and value once: an observable whose value the target case already holds is absorbed by
 * the target's one as {@link SimilarObservableMerge} absorbs ({@code absorb}: tags, flags, the
 * most restrictive TLP and PAP, the earliest start), which also takes the Cortex reports of the
 * analyzers it has none of, and is then deleted. The others move in one statement.
 */
@Service
public class ObservableMove {
    /** Pairs read per query: their ids stay well within a statement's parameters. */
    private static final int READ_AT_ONCE = 500;

    private final ObservableRepository observables;
    private final ObjectProvider<AbsorbedObservables> followers;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    public ObservableMove(ObservableRepository observables, ObjectProvider<AbsorbedObservables> followers, AuditLog audit,
                          JsonMapper json, Clock clock) {
        this.observables = observables;
        this.followers = followers;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Moves the observables of one case of the caller's organisation to another. Before any is
     * deleted, every {@link AbsorbedObservables} re-points its rows from the absorbed observables to
     * the absorbing ones. The absorbing one's change is audited as an update, the absorbed one's as
     * a delete, each moved one as an update naming both cases.
     */
    @Transactional
    public void moveToCase(Principal p, long fromCaseId, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        Map<Long, Long> keptByAbsorbed = observables.alsoIn(p.orgId(), fromCaseId, toCaseId);
        if (!keptByAbsorbed.isEmpty()) {
            followers.orderedStream().forEach(f -> f.absorbed(p, Map.copyOf(keptByAbsorbed), toCaseId));
            long now = clock.millis();
            List<Map.Entry<Long, Long>> pairs = List.copyOf(keptByAbsorbed.entrySet());
            for (int i = 0; i < pairs.size(); i += READ_AT_ONCE) {
                List<Map.Entry<Long, Long>> slice = pairs.subList(i, Math.min(pairs.size(), i + READ_AT_ONCE));
                List<Long> read = new ArrayList<>();
                slice.forEach(pair -> {
                    read.add(pair.getKey());
                    read.add(pair.getValue());
                });
                Map<Long, ObservableRecord> byId = observables.byIds(read).stream()
                        .collect(Collectors.toMap(ObservableRecord::id, Function.identity()));
                slice.forEach(pair -> absorb(p, byId.get(pair.getValue()), byId.get(pair.getKey()), now));
            }
        }
        audit.recordMoves(p, "observable", observables.moveToCase(p.orgId(), fromCaseId, toCaseId), fromCaseId, toCaseId);
    }

    private void absorb(Principal p, ObservableRecord kept, ObservableRecord absorbed, long now) {
        ObservableRecord merged = SimilarObservableMerge.absorb(kept, List.of(absorbed), p.login(), now);
        String reports = reports(merged.reports(), absorbed.reports());
        if (!Objects.equals(reports, merged.reports())) merged = merged.withReports(reports, p.login(), now);
        if (!merged.equals(kept)) {
            observables.update(merged);
            audit.record(p, "update", "observable", Ids.format(kept.id()), ObservableView.of(kept),
                    ObservableView.of(observables.findById(p.orgId(), kept.id()).orElseThrow()));
        }
        observables.delete(absorbed.id());
        audit.record(p, "delete", "observable", Ids.format(absorbed.id()), ObservableView.of(absorbed), null);
    }

    /** The kept reports with the other's reports of analyzers the kept has none of (its jobs now belong to the kept one). */
    private String reports(String kept, String other) {
        ObjectNode out = object(kept);
        ObjectNode added = object(other);
        boolean changed = false;
        for (Map.Entry<String, JsonNode> report : added.properties()) {
            if (out.has(report.getKey())) continue;
            out.set(report.getKey(), report.getValue());
            changed = true;
        }
        return changed ? json.writeValueAsString(out) : kept;
    }

    private ObjectNode object(String reports) {
        JsonNode node = reports == null || reports.isBlank() ? null : json.readTree(reports);
        return node instanceof ObjectNode o ? o : json.createObjectNode();
    }
}
