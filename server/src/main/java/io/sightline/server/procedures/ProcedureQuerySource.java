package io.sightline.server.procedures;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Procedures in {@code /api/v1/query}: {@code listProcedure}, {@code getProcedure}, and {@code procedures} from a case or an alert. */
@Component
class ProcedureQuerySource implements QuerySource {
    private final ProcedureRepository procedures;

    ProcedureQuerySource(ProcedureRepository procedures) {
        this.procedures = procedures;
    }

    @Override public String entity() { return "procedure"; }
    @Override public String label() { return "Procedure"; }
    @Override public String table() { return "procedure_record"; }
    @Override public String listStep() { return "listProcedure"; }
    @Override public Optional<String> getStep() { return Optional.of("getProcedure"); }

    /** The organisation's records, except those in a case hidden from the caller ({@link CaseVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CaseVisibility.belowCases("t", "t.case_id", caller);
    }

    @Override
    public List<QueryField> fields() {
        return List.of(QueryField.column("_id", "id", Kind.ID),
                QueryField.column("_createdAt", "created_at", Kind.NUMBER),
                QueryField.column("_createdBy", "created_by", Kind.STRING),
                QueryField.column("_updatedAt", "updated_at", Kind.NUMBER),
                QueryField.column("_updatedBy", "updated_by", Kind.STRING),
                QueryField.column("patternId", "pattern_id", Kind.STRING),
                QueryField.computed("patternName", "SELECT ap.name FROM attack_pattern ap WHERE ap.pattern_id = t.pattern_id",
                        Kind.STRING),
                QueryField.column("tactic", "tactic", Kind.STRING),
                QueryField.column("occurDate", "occur_date", Kind.NUMBER),
                QueryField.column("description", "description", Kind.STRING));
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, procedures.byIds(ids), ProcedureRecord::id).stream().map(ProcedureView::of).toList();
    }

    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("procedures", "case", "t.case_id IN (" + QueryLink.PARENTS + ")"),
                new QueryLink("procedures", "alert", "t.alert_id IN (" + QueryLink.PARENTS + ")"));
    }
}
