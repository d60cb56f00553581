package io.sightline.server.pagetemplates;

import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The organisation's page templates in {@code /api/v1/query}: {@code listPageTemplate}, {@code getPageTemplate}. */
@Component
class PageTemplateQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.column("title", "title", Kind.STRING),
            QueryField.column("category", "category", Kind.STRING),
            QueryField.column("content", "content", Kind.STRING),
            QueryField.column("order", "page_order", Kind.NUMBER));

    private final PageTemplateRepository templates;

    PageTemplateQuerySource(PageTemplateRepository templates) {
        this.templates = templates;
    }

    @Override public String entity() { return "pageTemplate"; }
    @Override public String label() { return "Page template"; }
    @Override public String table() { return "page_template"; }
    @Override public String listStep() { return "listPageTemplate"; }
    @Override public Optional<String> getStep() { return Optional.of("getPageTemplate"); }
    @Override public List<QueryField> fields() { return FIELDS; }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, templates.byIds(ids), PageTemplateRecord::id).stream()
                .map(PageTemplateView::of).toList();
    }

    /**
     * A case template's page templates: those whose "~id" its list of links holds (kept as a JSON
     * array of the strings the client sent; the quotes keep ~1 from matching ~12).
     */
    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("pageTemplates", "caseTemplate", "EXISTS (SELECT 1 FROM case_template s WHERE s.id IN ("
                + QueryLink.PARENTS + ") AND s.page_template_ids_json LIKE CONCAT('%\"~', CAST(t.id AS VARCHAR(20)), '\"%'))"));
    }
}
