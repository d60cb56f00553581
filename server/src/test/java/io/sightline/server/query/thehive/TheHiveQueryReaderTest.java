package io.sightline.server.query.thehive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.core.InvalidQuery;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QueryRegistry;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.model.Filter;
import io.sightline.server.query.model.Filter.Comparison;
import io.sightline.server.query.model.Initial;
import io.sightline.server.query.model.Query;
import io.sightline.server.query.model.SortField;
import io.sightline.server.query.model.Step;
import io.sightline.server.query.model.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** TheHive's JSON read into the typed model, over two made-up entities; no hub, no database. */
class TheHiveQueryReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TheHiveQueryReader reader = new TheHiveQueryReader(new QueryRegistry(List.of(new Source("box", "Box", List.of(
            QueryField.column("_id", "id", Kind.ID), QueryField.column("size", "size", Kind.NUMBER),
            QueryField.column("name", "name", Kind.STRING), QueryField.column("open", "open", Kind.BOOLEAN),
            QueryField.column("tlp", "tlp", Kind.LEVEL), QueryField.tags()), List.of()),
            new Source("item", "Item", List.of(QueryField.column("weight", "weight", Kind.NUMBER)),
                    List.of(new QueryLink("items", "box", "t.box_id IN (" + QueryLink.PARENTS + ")"))))));

    private Query read(String json) {
        return reader.read(JSON.readTree(json));
    }

    private String error(String json) {
        try {
            read(json);
        } catch (InvalidQuery e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void aListFilteredSortedPagedAndCountedIsReadStepByStep() {
        Query q = read("""
                {"query": [{"_name": "listBox"},
                  {"_name": "filter", "_and": [{"_gte": {"_field": "size", "_value": 3}}, {"name": "lid"}, {"_not": {"_in": {"_field": "tags", "_values": ["a", 7]}}}]},
                  {"_name": "sort", "_fields": [{"size": "Desc"}, {"name": "asc"}]},
                  {"_name": "page", "from": 10, "to": 20, "extraData": ["total"]}]}""");

        assertThat(q.initial()).isEqualTo(new Initial.ListAll("listBox"));
        assertThat(q.steps()).containsExactly(
                new Step.FilterStep(new Filter.And(List.of(new Filter.Compare("size", Comparison.GTE, new Value.Whole(3)),
                        new Filter.Compare("name", Comparison.EQ, new Value.Text("lid")),
                        new Filter.Not(new Filter.In("tags", List.of(new Value.Text("a"), new Value.Text("7"))))))),
                new Step.SortStep(List.of(new SortField("size", SortField.Direction.DESC), new SortField("name", SortField.Direction.ASC))),
                new Step.PageStep(10, 20, List.of("total")));
    }

    @Test
    void valuesAreConvertedToTheirFieldsKind() {
        assertThat(filterOf("{\"_eq\": {\"_field\": \"_id\", \"_value\": \"~42\"}}")).isEqualTo(new Filter.Compare("_id", Comparison.EQ, new Value.Whole(42)));
        assertThat(filterOf("{\"_eq\": {\"_field\": \"tlp\", \"_value\": \"AMBER\"}}")).isEqualTo(new Filter.Compare("tlp", Comparison.EQ, new Value.Whole(2)));
        assertThat(filterOf("{\"_ne\": {\"_field\": \"name\", \"_value\": null}}")).isEqualTo(new Filter.Compare("name", Comparison.NE, new Value.Null()));
        assertThat(filterOf("{\"open\": true}")).isEqualTo(new Filter.Compare("open", Comparison.EQ, new Value.Bool(true)));
        assertThat(filterOf("{\"_like\": {\"_field\": \"name\", \"_value\": \"a*b\"}}")).isEqualTo(new Filter.Like("name", "a*b", Filter.Match.WILDCARD));
        assertThat(filterOf("{\"_endsWith\": {\"_field\": \"tags\", \"_value\": \"x\"}}")).isEqualTo(new Filter.Like("tags", "x", Filter.Match.ENDS_WITH));
        assertThat(filterOf("{\"_between\": {\"_field\": \"size\", \"_from\": 1, \"_to\": 2.0}}"))
                .isEqualTo(new Filter.Between("size", new Value.Whole(1), new Value.Whole(2)));
        assertThat(filterOf("{\"_id\": \"nonsense\"}")).isEqualTo(new Filter.IdIs(-1));
        assertThat(filterOf("{\"_has\": \"tags\"}")).isEqualTo(new Filter.Has("tags"));
        assertThat(filterOf("{}")).isEqualTo(new Filter.Everything());
    }

    @Test
    void aNavigationMovesFieldChecksToTheEntityItLeadsTo() {
        Query q = read("""
                {"query": [{"_name": "getBox", "idOrName": "~7"}, {"_name": "items"}, {"_name": "filter", "_lt": {"_field": "weight", "_value": 5}}, {"_name": "count"}]}""");

        assertThat(q.initial()).isEqualTo(new Initial.GetOne("getBox", "~7"));
        assertThat(q.steps()).containsExactly(new Step.NavigateStep("items"),
                new Step.FilterStep(new Filter.Compare("weight", Comparison.LT, new Value.Whole(5))), new Step.CountStep());
        assertThat(error("{\"query\": [{\"_name\": \"getBox\", \"idOrName\": \"~7\"}, {\"_name\": \"items\"}, {\"_name\": \"filter\", \"size\": 1}]}"))
                .isEqualTo("Unknown field 'size' for Item; known fields: weight");
    }

    @Test
    void mistakesAreRefusedWithMessagesNamingThem() {
        assertThat(error("{}")).isEqualTo("The body must be {\"query\": [steps...]}");
        assertThat(error("{\"query\": []}")).isEqualTo("The query has no step");
        assertThat(error("{\"query\": [{\"_name\": \"listCrate\"}]}")).isEqualTo("Unsupported initial query step 'listCrate'; use one of listBox, listItem, getBox");
        assertThat(error("{\"query\": [{\"_name\": \"getBox\"}]}")).isEqualTo("Box lookup needs idOrName");
        assertThat(error("{\"query\": [{\"_name\": \"listBox\"}, {\"_name\": \"boxes\"}]}")).isEqualTo("Unsupported query step 'boxes'");
        assertThat(error("{\"query\": [{\"_name\": \"listItem\"}, {\"_name\": \"items\"}]}")).isEqualTo("Cannot go from Item to Item");
        assertThat(error("{\"query\": [{\"_name\": \"listBox\"}, {\"_name\": \"count\"}, {\"_name\": \"page\", \"from\": 0, \"to\": 1}]}"))
                .isEqualTo("count must be the last step");
        assertThat(error("{\"query\": [{\"_name\": \"listBox\"}, {\"_name\": \"page\", \"from\": 0, \"to\": 10001}]}")).isEqualTo("A page holds at most 10000 items");
        assertThat(error("{\"query\": [{\"_name\": \"listBox\"}, {\"_name\": \"sort\", \"_fields\": [{\"tags\": \"asc\"}]}]}")).isEqualTo("Cannot sort by tags");
        assertThat(filterError("{\"_gt\": {\"_field\": \"tags\", \"_value\": \"a\"}}")).isEqualTo("Tags can only be compared for equality");
        assertThat(filterError("{\"_lt\": {\"_field\": \"name\", \"_value\": null}}")).isEqualTo("null can only be compared for equality");
        assertThat(filterError("{\"_like\": {\"_field\": \"size\", \"_value\": \"1\"}}")).isEqualTo("Pattern filters apply to text fields, not size");
        assertThat(filterError("{\"_eq\": {\"_field\": \"size\", \"_value\": 1.5}}"))
                .isEqualTo("Field size must be a whole number between -2^63 and 2^63-1, not the number 1.5");
        assertThat(filterError("{\"_eq\": {\"_field\": \"open\", \"_value\": \"yes\"}}")).isEqualTo("Field open takes true or false, not \"yes\"");
        assertThat(filterError("{\"_frobnicate\": {}}")).isEqualTo("Unknown filter operator _frobnicate");
        assertThat(filterError("{\"_or\": {}}")).isEqualTo("_or takes an array of filters");
    }

    private Filter filterOf(String filter) {
        Query q = read("{\"query\": [{\"_name\": \"listBox\"}, {\"_name\": \"filter\", \"_and\": [" + filter + "]}]}");
        return ((Filter.And) ((Step.FilterStep) q.steps().get(0)).filter()).all().get(0);
    }

    private String filterError(String filter) {
        return error("{\"query\": [{\"_name\": \"listBox\"}, {\"_name\": \"filter\", \"_and\": [" + filter + "]}]}");
    }

    /** A registered entity with nothing behind it: the reader never asks for views. */
    private record Source(String entity, String label, List<QueryField> fields, List<QueryLink> linksIn) implements QuerySource {
        public String table() { return entity; }
        public String listStep() { return "list" + label; }
        public Optional<String> getStep() { return label.equals("Box") ? Optional.of("getBox") : Optional.empty(); }
        public String tagEntity() { return entity; }
        public List<?> views(List<Long> ids) { throw new UnsupportedOperationException(); }
    }
}
