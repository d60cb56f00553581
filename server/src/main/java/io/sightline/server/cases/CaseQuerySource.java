package io.sightline.server.cases;

import io.sightline.server.auth.Principal;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Cases in {@code /api/v1/query}: {@code listCase}, {@code getCase} (by id or number), an alert's or a task's {@code case}. */
@Component
class CaseQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.tags(),
            QueryField.column("tlp", "tlp", Kind.LEVEL),
            QueryField.column("pap", "pap", Kind.LEVEL),
            QueryField.column("title", "title", Kind.STRING),
            QueryField.column("description", "description", Kind.STRING),
            QueryField.column("severity", "severity", Kind.NUMBER),
            QueryField.column("flag", "flag", Kind.BOOLEAN),
            QueryField.column("status", "status", Kind.STRING),
            QueryField.column("summary", "summary", Kind.STRING),
            QueryField.column("assignee", "assignee", Kind.STRING),
            QueryField.column("number", "number", Kind.NUMBER),
            QueryField.column("startDate", "start_date", Kind.NUMBER),
            QueryField.column("endDate", "end_date", Kind.NUMBER),
            QueryField.column("resolutionStatus", "resolution_status", Kind.STRING),
            QueryField.column("impactStatus", "impact_status", Kind.STRING),
            QueryField.column("owner", "assignee", Kind.STRING),
            QueryField.column("user", "assignee", Kind.STRING));

    private final CaseRepository cases;
    private final CustomFieldValues customFields;

    CaseQuerySource(CaseRepository cases, CustomFieldValues customFields) {
        this.cases = cases;
        this.customFields = customFields;
    }

    @Override public String entity() { return "case"; }
    @Override public String label() { return "Case"; }
    @Override public String table() { return "case_record"; }
    @Override public String listStep() { return "listCase"; }
    @Override public Optional<String> getStep() { return Optional.of("getCase"); }
    @Override public List<QueryField> fields() { return FIELDS; }
    @Override public Optional<String> customFieldOwner() { return Optional.of(ValueOwner.Kind.CASE.entity()); }
    @Override public String tagEntity() { return CaseRepository.TAG_ENTITY; }

    /** The cases the caller sees: {@link CaseVisibility}, the same rule as every other read of a case. */
    @Override
    public SqlCondition scope(Principal caller) {
        return CaseVisibility.of("t", caller);
    }

    /** Besides {@code "~id"}, TheHive accepts a case's number. */
    @Override
    public Optional<SqlCondition> byIdOrName(String idOrName) {
        if (idOrName.matches("\\d{1,18}")) return Optional.of(SqlCondition.of("t.number = ?", Long.parseLong(idOrName)));
        return QuerySource.super.byIdOrName(idOrName);
    }

    @Override
    public List<?> views(List<Long> ids) {
        // the page's custom field values in one query, not one per case
        var values = customFields.of(ValueOwner.Kind.CASE, ids);
        return QuerySource.inOrderOf(ids, cases.byIds(ids), CaseRecord::id).stream()
                .map(c -> CaseView.of(c, values.getOrDefault(c.id(), List.of()))).toList();
    }

    /** An alert's case: the one it was imported into. */
    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("case", "alert", "t.id IN (SELECT s.case_id FROM alert s WHERE s.id IN (" + QueryLink.PARENTS + "))"),
                // a task's case (the tasks package registers the task entity; named here in SQL only)
                new QueryLink("case", "task", "t.id IN (SELECT s.case_id FROM task s WHERE s.id IN (" + QueryLink.PARENTS + "))"));
    }
}
