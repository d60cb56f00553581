package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.core.InvalidQuery;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.model.Filter;
import io.sightline.server.query.model.Filter.Comparison;
import io.sightline.server.query.model.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed filters compiled to SQL: client values only ever bound, field expressions from the source. */
class FilterSqlTest {
    private static final QueryEntity BOX = new QueryEntity(new QuerySource() {
        public String entity() { return "box"; }
        public String label() { return "Box"; }
        public String table() { return "box"; }
        public String listStep() { return "listBox"; }
        public String tagEntity() { return "box"; }
        public List<QueryField> fields() {
            return List.of(QueryField.column("name", "name", Kind.STRING), QueryField.column("size", "size", Kind.NUMBER),
                    QueryField.column("label", "label", Kind.STRING).withDigest("label_key", text -> "#" + text.length()),
                    QueryField.computed("items", "SELECT COUNT(*) FROM item i WHERE i.box_id = t.id", Kind.NUMBER), QueryField.tags());
        }
        public List<?> views(List<Long> ids) { return ids; }
    });

    private final List<Object> params = new ArrayList<>();

    private String sql(Filter f) {
        return new FilterSql(BOX, params).compile(f);
    }

    @Test
    void clientTextIsBoundNeverSpliced() {
        String evil = "x' OR 1=1 --";
        assertThat(sql(new Filter.Or(List.of(new Filter.Compare("name", Comparison.EQ, new Value.Text(evil)),
                new Filter.Like("name", "50%_off*", Filter.Match.WILDCARD)))))
                .isEqualTo("(t.name = ? OR LOWER(t.name) LIKE ? ESCAPE '\\')").doesNotContain(evil);
        assertThat(params).containsExactly(evil, "50\\%\\_off%");
    }

    @Test
    void equalityOnADigestedFieldAlsoComparesItsIndexedDigest() {
        assertThat(sql(new Filter.Compare("label", Comparison.EQ, new Value.Text("abc")))).isEqualTo("(t.label_key = ? AND t.label = ?)");
        assertThat(sql(new Filter.In("label", List.of(new Value.Text("a"), new Value.Text("bc")))))
                .isEqualTo("(t.label_key IN (?, ?) AND t.label IN (?, ?))");
        // other comparisons cannot use the digest
        assertThat(sql(new Filter.Compare("label", Comparison.NE, new Value.Text("x")))).isEqualTo("t.label <> ?");
        assertThat(params).containsExactly("#3", "abc", "#1", "#2", "a", "bc", "x");
    }

    @Test
    void aLongInListIsNotDoubledByDigests() {
        List<Value> many = new ArrayList<>();
        for (int i = 0; i <= FilterSql.DIGESTED_IN_LIMIT; i++) many.add(new Value.Text("v" + i));
        assertThat(sql(new Filter.In("label", many))).startsWith("t.label IN (?, ");
        assertThat(params).hasSize(many.size());
    }

    @Test
    void computedFieldsAndTagsUseTheSourcesSql() {
        assertThat(sql(new Filter.Between("items", new Value.Whole(1), new Value.Whole(3))))
                .isEqualTo("((SELECT COUNT(*) FROM item i WHERE i.box_id = t.id) >= ? AND (SELECT COUNT(*) FROM item i WHERE i.box_id = t.id) < ?)");
        assertThat(sql(new Filter.Compare("tags", Comparison.NE, new Value.Text("red"))))
                .isEqualTo("NOT EXISTS (SELECT 1 FROM entity_tag g WHERE g.entity = 'box' AND g.entity_id = t.id AND g.tag = ?)");
        assertThat(params).containsExactly(1L, 3L, "red");
    }

    @Test
    void emptyCombinationsAndNullsHaveTheirOwnMeaning() {
        assertThat(sql(new Filter.And(List.of()))).isEqualTo("1 = 1");
        assertThat(sql(new Filter.Or(List.of()))).isEqualTo("1 = 0");
        assertThat(sql(new Filter.In("size", List.of()))).isEqualTo("1 = 0");
        assertThat(sql(new Filter.Compare("name", Comparison.EQ, new Value.Null()))).isEqualTo("t.name IS NULL");
        assertThat(params).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeOrAnUnknownFieldIsRefused() {
        assertThatThrownBy(() -> sql(new Filter.Compare("size", Comparison.EQ, new Value.Text("big")))).isInstanceOf(InvalidQuery.class);
        assertThatThrownBy(() -> sql(new Filter.Has("colour"))).isInstanceOf(InvalidQuery.class)
                .hasMessage("Unknown field 'colour' for Box; known fields: name, size, label, items, tags");
    }
}
