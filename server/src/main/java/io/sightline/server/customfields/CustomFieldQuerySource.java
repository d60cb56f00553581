package io.sightline.server.customfields;

import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Custom field definitions in {@code /api/v1/query}: {@code listCustomField}, platform-wide. */
@Component
class CustomFieldQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.column("name", "name", Kind.STRING),
            QueryField.column("displayName", "display_name", Kind.STRING),
            QueryField.column("group", "group_name", Kind.STRING),
            QueryField.column("description", "description", Kind.STRING),
            QueryField.column("type", "type", Kind.STRING),
            QueryField.column("mandatory", "mandatory", Kind.BOOLEAN));

    private final CustomFieldRepository fields;

    CustomFieldQuerySource(CustomFieldRepository fields) {
        this.fields = fields;
    }

    @Override public String entity() { return "customField"; }
    @Override public String label() { return "CustomField"; }
    @Override public String table() { return "custom_field"; }
    @Override public String listStep() { return "listCustomField"; }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** Definitions are platform-wide: every organisation sees all of them. */
    @Override
    public SqlCondition scope(long orgId) {
        return SqlCondition.ALWAYS;
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, fields.byIds(ids), CustomFieldDefinition::id).stream().map(CustomFieldView::of).toList();
    }
}
