package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Observables of a case absorbing others of it (a merge of similar observables, a case merge):
 * the one kept takes their tags, IOC and sighted flags, the most restrictive TLP and PAP, the
 * earliest start, a message when it has none, and the Cortex reports of analyzers it has none of
 * (their jobs become its own); every {@link AbsorbedObservables} re-points its rows to it; the
 * absorbed ones are then deleted. The kept one's change is audited as an update, each absorbed
 * one as a delete, in the caller's transaction.
 */
@Component
class ObservableAbsorption {
    /** An observable kept and those it absorbs. */
    record Group(ObservableRecord kept, List<ObservableRecord> absorbed) {}

    private final ObservableRepository observables;
    private final ObjectProvider<AbsorbedObservables> followers;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    ObservableAbsorption(ObservableRepository observables, ObjectProvider<AbsorbedObservables> followers, AuditLog audit,
                         JsonMapper json, Clock clock) {
        this.observables = observables;
        this.followers = followers;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Absorbs each group into its kept observable, all in case {@code caseId}; answers how many kept ones changed. */
    int absorb(Principal p, long caseId, List<Group> groups) {
        Map<Long, Long> keptByAbsorbed = new LinkedHashMap<>();
        for (Group g : groups) g.absorbed().forEach(o -> keptByAbsorbed.put(o.id(), g.kept().id()));
        if (keptByAbsorbed.isEmpty()) return 0;
        followers.orderedStream().forEach(f -> f.absorbed(p, Map.copyOf(keptByAbsorbed), caseId));
        long now = clock.millis();
        int changed = 0;
        for (Group g : groups) {
            ObservableRecord kept = g.kept();
            ObservableRecord merged = merged(kept, g.absorbed(), p.login(), now);
            if (!merged.equals(kept)) {
                observables.update(merged);
                audit.record(p, "update", "observable", Ids.format(kept.id()), ObservableView.of(kept),
                        ObservableView.of(observables.findById(p.orgId(), kept.id()).orElseThrow()));
                changed++;
            }
            for (ObservableRecord o : g.absorbed()) {
                observables.delete(o.id());
                audit.record(p, "delete", "observable", Ids.format(o.id()), ObservableView.of(o), null);
            }
        }
        return changed;
    }

    /** The kept observable with what the others add, changed by {@code by} at {@code now}; the same record when they add nothing. */
    private ObservableRecord merged(ObservableRecord kept, List<ObservableRecord> others, String by, long now) {
        if (others.isEmpty()) return kept;
        Set<String> tags = new LinkedHashSet<>(kept.tags());
        boolean ioc = kept.ioc();
        boolean sighted = kept.sighted();
        int tlp = kept.tlp();
        int pap = kept.pap();
        long startDate = kept.startDate();
        String message = kept.message();
        for (ObservableRecord o : others) {
            tags.addAll(o.tags());
            ioc |= o.ioc();
            sighted |= o.sighted();
            tlp = Math.max(tlp, o.tlp());
            pap = Math.max(pap, o.pap());
            startDate = Math.min(startDate, o.startDate());
            if (message == null || message.isBlank()) message = o.message();
        }
        String reports = reports(kept, others);
        boolean same = tags.size() == kept.tags().size() && ioc == kept.ioc() && sighted == kept.sighted()
                && tlp == kept.tlp() && pap == kept.pap() && startDate == kept.startDate()
                && Objects.equals(message, kept.message()) && Objects.equals(reports, kept.reports());
        if (same) return kept;
        return new ObservableRecord(kept.id(), kept.orgId(), kept.caseId(), kept.alertId(), kept.dataType(), kept.data(),
                kept.dataKey(), kept.attachment(), message, tlp, pap, ioc, sighted, kept.ignoreSimilarity(), startDate,
                reports, kept.createdBy(), kept.createdAt(), by, now, List.copyOf(tags));
    }

    /** The kept reports with the others' reports of analyzers it has none of; read only when another has any. */
    private String reports(ObservableRecord kept, List<ObservableRecord> others) {
        ObjectNode out = null;
        boolean changed = false;
        for (ObservableRecord o : others) {
            if (isBlank(o.reports())) continue;
            if (out == null) out = object(kept.reports());
            for (Map.Entry<String, JsonNode> report : object(o.reports()).properties()) {
                if (out.has(report.getKey())) continue;
                out.set(report.getKey(), report.getValue());
                changed = true;
            }
        }
        return changed ? json.writeValueAsString(out) : kept.reports();
    }

    private ObjectNode object(String reports) {
        JsonNode node = isBlank(reports) ? null : json.readTree(reports);
        return node instanceof ObjectNode o ? o : json.createObjectNode();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
