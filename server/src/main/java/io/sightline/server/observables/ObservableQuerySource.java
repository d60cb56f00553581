package io.sightline.server.observables;

import io.sightline.server.auth.Principal;
import io.sightline.server.auth.SecretHashing;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Observables in {@code /api/v1/query}: {@code listObservable}, {@code getObservable}, a case's or an alert's {@code observables}. */
@Component
class ObservableQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.tags(),
            QueryField.column("tlp", "tlp", Kind.LEVEL),
            QueryField.column("pap", "pap", Kind.LEVEL),
            QueryField.column("dataType", "data_type", Kind.STRING),
            // data has no index of its own (values up to 64 KB); data_key, its SHA-256, has one
            QueryField.column("data", "data", Kind.STRING).withDigest("data_key", SecretHashing::sha256),
            QueryField.column("message", "message", Kind.STRING),
            QueryField.column("ioc", "ioc", Kind.BOOLEAN),
            QueryField.column("sighted", "sighted", Kind.BOOLEAN),
            QueryField.column("ignoreSimilarity", "ignore_similarity", Kind.BOOLEAN),
            QueryField.column("startDate", "start_date", Kind.NUMBER));

    private final ObservableRepository observables;

    ObservableQuerySource(ObservableRepository observables) {
        this.observables = observables;
    }

    @Override public String entity() { return "observable"; }
    @Override public String label() { return "Observable"; }
    @Override public String table() { return "observable"; }
    @Override public String listStep() { return "listObservable"; }
    @Override public Optional<String> getStep() { return Optional.of("getObservable"); }
    @Override public List<QueryField> fields() { return FIELDS; }
    @Override public String tagEntity() { return ObservableRepository.TAG_ENTITY; }

    /** The organisation's records, except those in a case hidden from the caller ({@link CaseVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CaseVisibility.belowCases("t", "t.case_id", caller);
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, observables.byIds(ids), ObservableRecord::id).stream().map(ObservableView::of).toList();
    }

    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("observables", "case", "t.case_id IN (" + QueryLink.PARENTS + ")"),
                new QueryLink("observables", "alert", "t.alert_id IN (" + QueryLink.PARENTS + ")"));
    }
}
