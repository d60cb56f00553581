package io.sightline.server.web;

import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.audit.AuditSentence;
import io.sightline.server.audit.AuditSentences;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.common.Ids;
import io.sightline.server.connectors.cortex.CortexJobService;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of a case or an alert as sentences: the record's own audit entries with those of its
 * observables and, for a case, of the analyzer jobs run on them, newest first, each told by
 * {@link AuditSentences}. The caller has already found the record in its organisation; reading the
 * trail needs the audit permission. Observables deleted since are not listed (their ids are gone).
 * The organisation's latest entries are told for the home page as {@link Activity}, with the
 * changed fields named as {@link AuditSentences} names them.
 */
@Component
public class AuditTrail {
    private static final int LIMIT = 200;

    private final AuditLog audit;
    private final AuditSentences sentences;
    private final ObservableRepository observables;
    private final CortexJobService jobs;
    private final JsonMapper json;

    public AuditTrail(AuditLog audit, AuditSentences sentences, ObservableRepository observables, CortexJobService jobs,
                      JsonMapper json) {
        this.audit = audit;
        this.sentences = sentences;
        this.observables = observables;
        this.jobs = jobs;
        this.json = json;
    }

    /** The organisation's latest audit entries, newest first, each as a line of the home page. */
    public List<Activity> recent(Principal p, int limit) {
        p.require(Permission.READ_AUDIT);
        return audit.search(p.orgId(), p.userId(), null, null, null, null, limit).stream().map(e -> {
            List<String> fields = sentences.of(e, AuditSentences.Names.NONE).changes().stream()
                    .map(AuditSentence.FieldChange::field).toList();
            return Activity.of(e.at(), e.actor(), e.action(), e.entity(), e.entityId(), read(e.before()), read(e.after()), fields);
        }).toList();
    }

    private JsonNode read(String text) {
        return text == null ? null : json.readTree(text);
    }

    public List<AuditSentence> ofCase(Principal p, CaseRecord c) {
        p.require(Permission.READ_AUDIT);
        Map<String, String> analyzers = new HashMap<>();
        jobs.analyzersOfCase(p, c.id()).forEach((id, name) -> analyzers.put(Ids.format(id), name));
        Map<String, List<String>> records = new LinkedHashMap<>();
        records.put("case", List.of(Ids.format(c.id())));
        records.put("observable", formatted(observables.idsOf(c.id(), null)));
        records.put("job", List.copyOf(analyzers.keySet()));
        return tell(p, records, analyzers);
    }

    public List<AuditSentence> ofAlert(Principal p, AlertRecord a) {
        p.require(Permission.READ_AUDIT);
        Map<String, List<String>> records = new LinkedHashMap<>();
        records.put("alert", List.of(Ids.format(a.id())));
        records.put("observable", formatted(observables.idsOf(null, a.id())));
        return tell(p, records, Map.of());
    }

    /**
     * The entries, told with the names of the observables they mention: only those observables are
     * read, so an alert of thousands of observables costs one page of entries, not every record.
     */
    private List<AuditSentence> tell(Principal p, Map<String, List<String>> records, Map<String, String> analyzers) {
        List<AuditLog.Entry> entries = audit.ofRecords(p.orgId(), p.userId(), records, LIMIT);
        Map<String, String> observableNames = names(observables.byIds(entries.stream()
                .filter(e -> e.entity().equals("observable")).map(e -> Ids.parse(e.entityId(), "observable")).distinct().toList()));
        AuditSentences.Names names = new AuditSentences.Names() {
            @Override public String observable(String observableId) { return observableNames.get(observableId); }
            @Override public String analyzerOfJob(String jobId) { return analyzers.get(jobId); }
        };
        return entries.stream().map(e -> sentences.of(e, names)).toList();
    }

    private static List<String> formatted(List<Long> ids) {
        return ids.stream().map(Ids::format).toList();
    }

    /** "domain evil.example" (or the file name) by observable id. */
    private static Map<String, String> names(List<ObservableRecord> list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ObservableRecord o : list) {
            String value = o.data() != null ? o.data() : o.attachment() != null ? o.attachment().name() : "";
            out.put(Ids.format(o.id()), (o.dataType() + " " + value).trim());
        }
        return out;
    }
}
