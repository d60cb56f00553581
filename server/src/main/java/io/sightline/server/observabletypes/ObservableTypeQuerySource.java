package io.sightline.server.observabletypes;

import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Custom observable types in {@code /api/v1/query} ({@code listObservableType}), platform-wide. The
 * configured built-in types have no row, so only {@code GET /api/v1/observable/type} lists them.
 */
@Component
class ObservableTypeQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = List.of(
            QueryField.column("_id", "id", Kind.ID),
            QueryField.column("_createdAt", "created_at", Kind.NUMBER),
            QueryField.column("_createdBy", "created_by", Kind.STRING),
            QueryField.column("name", "name", Kind.STRING),
            QueryField.column("isAttachment", "is_attachment", Kind.BOOLEAN));

    private final ObservableTypeRepository types;

    ObservableTypeQuerySource(ObservableTypeRepository types) {
        this.types = types;
    }

    @Override public String entity() { return "observableType"; }
    @Override public String label() { return "Observable type"; }
    @Override public String table() { return "observable_type"; }
    @Override public String listStep() { return "listObservableType"; }
    @Override public List<QueryField> fields() { return FIELDS; }
    @Override public SqlCondition scope(long orgId) { return SqlCondition.ALWAYS; }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, types.byIds(ids), ObservableTypeRecord::id).stream().map(ObservableTypeView::of).toList();
    }
}
