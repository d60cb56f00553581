package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.Principal;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Analyzer jobs in {@code /api/v1/query}: {@code listJob} (thehive4py's {@code find_analyzer_jobs}), {@code getJob}, an observable's {@code jobs}. */
@Component
class CortexJobQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.column("analyzerId", "analyzer_ref", Kind.STRING),
            QueryField.column("analyzerName", "analyzer_name", Kind.STRING),
            QueryField.column("analyzerDefinition", "analyzer_name", Kind.STRING),
            QueryField.column("status", "status", Kind.STRING),
            QueryField.computed("startDate", "COALESCE(t.start_date, t.created_at)", Kind.NUMBER),
            QueryField.column("endDate", "end_date", Kind.NUMBER),
            QueryField.column("cortexId", "server_name", Kind.STRING),
            QueryField.column("cortexJobId", "cortex_job_id", Kind.STRING));

    private final CortexJobRepository jobs;
    private final ObservableRepository observables;
    private final JsonMapper json;

    CortexJobQuerySource(CortexJobRepository jobs, ObservableRepository observables, JsonMapper json) {
        this.jobs = jobs;
        this.observables = observables;
        this.json = json;
    }

    @Override public String entity() { return "job"; }
    @Override public String label() { return "Job"; }
    @Override public String table() { return "cortex_job"; }
    @Override public String listStep() { return "listJob"; }
    @Override public Optional<String> getStep() { return Optional.of("getJob"); }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** The organisation's jobs, but those of observables in a case hidden from the caller ({@link CortexVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CortexVisibility.jobs("t", caller);
    }

    /** Each job with its observable ({@code case_artifact}), as the job routes show it. */
    @Override
    public List<?> views(List<Long> ids) {
        List<CortexJobRecord> found = QuerySource.inOrderOf(ids, jobs.byIds(ids), CortexJobRecord::id);
        Map<Long, ObservableRecord> observed = observables.byIds(found.stream().map(CortexJobRecord::observableId)
                .distinct().toList()).stream().collect(Collectors.toMap(ObservableRecord::id, Function.identity()));
        return found.stream().map(j -> CortexJobView.of(j, observed.get(j.observableId()), json)).toList();
    }

    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("jobs", "observable", "t.observable_id IN (" + QueryLink.PARENTS + ")"));
    }
}
