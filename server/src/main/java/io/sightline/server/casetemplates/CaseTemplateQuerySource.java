package io.sightline.server.casetemplates;

import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Case templates in {@code /api/v1/query}: {@code listCaseTemplate}, {@code getCaseTemplate} (by id or name). */
@Component
class CaseTemplateQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.tags(),
            QueryField.column("name", "name", Kind.STRING),
            QueryField.column("displayName", "display_name", Kind.STRING),
            QueryField.column("titlePrefix", "title_prefix", Kind.STRING),
            QueryField.column("description", "description", Kind.STRING),
            QueryField.column("severity", "severity", Kind.NUMBER),
            QueryField.column("tlp", "tlp", Kind.LEVEL),
            QueryField.column("pap", "pap", Kind.LEVEL),
            QueryField.column("flag", "flag", Kind.BOOLEAN),
            QueryField.column("summary", "summary", Kind.STRING));

    private final CaseTemplateService templates;

    CaseTemplateQuerySource(CaseTemplateService templates) {
        this.templates = templates;
    }

    @Override public String entity() { return "caseTemplate"; }
    @Override public String label() { return "CaseTemplate"; }
    @Override public String table() { return "case_template"; }
    @Override public String listStep() { return "listCaseTemplate"; }
    @Override public Optional<String> getStep() { return Optional.of("getCaseTemplate"); }
    @Override public List<QueryField> fields() { return FIELDS; }
    @Override public String tagEntity() { return CaseTemplateRepository.TAG_ENTITY; }

    /** Besides {@code "~id"}, TheHive names a template by its name. */
    @Override
    public Optional<SqlCondition> byIdOrName(String idOrName) {
        if (idOrName.startsWith("~")) return QuerySource.super.byIdOrName(idOrName);
        return Optional.of(SqlCondition.of("t.name = ?", idOrName));
    }

    @Override
    public List<?> views(List<Long> ids) {
        return templates.byIds(ids).stream().map(CaseTemplateView::of).toList();
    }
}
