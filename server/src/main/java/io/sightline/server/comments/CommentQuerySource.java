package io.sightline.server.comments;

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

/** Comments in {@code /api/v1/query}: {@code listComment}, {@code getComment}, a case's or an alert's {@code comments}. */
@Component
class CommentQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            // TheHive shows a comment's dates and author without the underscore too
            QueryField.column("createdAt", "created_at", Kind.NUMBER),
            QueryField.column("createdBy", "created_by", Kind.STRING),
            QueryField.column("updatedAt", "updated_at", Kind.NUMBER),
            QueryField.column("updatedBy", "updated_by", Kind.STRING),
            QueryField.column("message", "message", Kind.STRING),
            QueryField.column("isEdited", "is_edited", Kind.BOOLEAN),
            QueryField.column("external", "external", Kind.BOOLEAN));

    private final CommentRepository comments;

    CommentQuerySource(CommentRepository comments) {
        this.comments = comments;
    }

    @Override public String entity() { return "comment"; }
    @Override public String label() { return "Comment"; }
    @Override public String table() { return "comment_record"; }
    @Override public String listStep() { return "listComment"; }
    @Override public Optional<String> getStep() { return Optional.of("getComment"); }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** The organisation's records, except those in a case hidden from the caller ({@link CaseVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CaseVisibility.belowCases("t", "t.case_id", caller);
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, comments.byIds(ids), CommentRecord::id).stream().map(CommentView::of).toList();
    }

    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("comments", "case", "t.case_id IN (" + QueryLink.PARENTS + ")"),
                new QueryLink("comments", "alert", "t.alert_id IN (" + QueryLink.PARENTS + ")"));
    }
}
