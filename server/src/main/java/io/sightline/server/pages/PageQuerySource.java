package io.sightline.server.pages;

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

/** Case pages in {@code /api/v1/query}: {@code listPage}, {@code getPage}, a case's {@code pages}. */
@Component
class PageQuerySource implements QuerySource {
    static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.column("title", "title", Kind.STRING),
            QueryField.column("category", "category", Kind.STRING),
            QueryField.column("content", "content", Kind.STRING),
            QueryField.column("order", "page_order", Kind.NUMBER));

    private final PageRepository pages;

    PageQuerySource(PageRepository pages) {
        this.pages = pages;
    }

    @Override public String entity() { return "page"; }
    @Override public String label() { return "Page"; }
    @Override public String table() { return "case_page"; }
    @Override public String listStep() { return "listPage"; }
    @Override public Optional<String> getStep() { return Optional.of("getPage"); }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** The organisation's records, except those in a case hidden from the caller ({@link CaseVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CaseVisibility.belowCases("t", "t.case_id", caller);
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, pages.byIds(ids), PageRecord::id).stream().map(PageView::of).toList();
    }

    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("pages", "case", "t.case_id IN (" + QueryLink.PARENTS + ")"));
    }
}
