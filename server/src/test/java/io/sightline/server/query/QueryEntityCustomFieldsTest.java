package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.core.InvalidQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an entity reads {@code customFields.<name>}: TheHive 5's and TheHive 4's spellings, names holding dots. */
class QueryEntityCustomFieldsTest {
    private record Box(Optional<String> customFieldOwner) implements QuerySource {
        public String entity() { return "box"; }
        public String label() { return "Box"; }
        public String table() { return "box"; }
        public String listStep() { return "listBox"; }
        public List<QueryField> fields() { return List.of(QueryField.column("_id", "id", QueryField.Kind.ID)); }
        public List<?> views(List<Long> ids) { return ids; }
    }

    private static final Map<String, QueryCustomFields.Definition> DEFINED = Map.of(
            "score", new QueryCustomFields.Definition(7, "score", "integer", QueryField.Kind.NUMBER, "integer_value"),
            "a.b", new QueryCustomFields.Definition(8, "a.b", "string", QueryField.Kind.STRING, "string_value"),
            "a", new QueryCustomFields.Definition(9, "a", "float", QueryField.Kind.DECIMAL, "float_value"));
    private static final QueryCustomFields CATALOGUE = name -> Optional.ofNullable(DEFINED.get(name));

    private final QueryEntity box = new QueryEntity(new Box(Optional.of("box")), CATALOGUE);

    @Test
    void readsAFieldByItsNameOrWithItsTypeAsTheHive4Did() {
        QueryField f = box.field("customFields.score");
        assertThat(f.name()).isEqualTo("customFields.score");
        assertThat(f.kind()).isEqualTo(QueryField.Kind.NUMBER);
        assertThat(f.expression()).isEqualTo("v.integer_value");
        assertThat(f.customField().definition().id()).isEqualTo(7);
        assertThat(box.field("customFields.score.integer").customField().definition().id()).isEqualTo(7);
        assertThatThrownBy(() -> box.field("customFields.score.string")).isInstanceOf(InvalidQuery.class)
                .hasMessage("Custom field score is of type integer, not string");
    }

    @Test
    void aNameHoldingADotIsReadWholeFirst() {
        assertThat(box.field("customFields.a.b").customField().definition().id()).isEqualTo(8);
        assertThat(box.field("customFields.a.float").customField().definition().id()).isEqualTo(9);
    }

    @Test
    void anUnknownFieldOrAnEntityWithoutCustomFieldsIsRefusedNamingIt() {
        assertThatThrownBy(() -> box.field("customFields.nope")).isInstanceOf(InvalidQuery.class)
                .hasMessageStartingWith("Unknown custom field 'nope' for Box");
        QueryEntity plain = new QueryEntity(new Box(Optional.empty()), CATALOGUE);
        assertThatThrownBy(() -> plain.field("customFields.score")).isInstanceOf(InvalidQuery.class)
                .hasMessage("Unknown field 'customFields.score' for Box; known fields: _id");
    }

    @Test
    void theSortBindsTheFieldAndPutsRecordsWithoutAValueLast() {
        List<Object> params = new java.util.ArrayList<>();
        String asc = box.field("customFields.score").customField().orderBy(io.sightline.server.query.model.SortField.Direction.ASC, params);
        assertThat(asc).isEqualTo("(SELECT MIN(v.integer_value) FROM custom_field_value v WHERE v.entity = 'box' AND v.entity_id = t.id"
                + " AND v.field_id = ?) ASC NULLS LAST");
        assertThat(params).containsExactly(7L);
    }
}
