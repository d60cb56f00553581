package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry refuses, when the hub starts, sources whose steps would be ambiguous. */
class QueryRegistryTest {
    private record Source(String entity, String listStep, Optional<String> getStep, List<QueryLink> linksIn) implements QuerySource {
        public String label() { return entity; }
        public String table() { return entity; }
        public List<QueryField> fields() { return List.of(QueryField.column("_id", "id", QueryField.Kind.ID)); }
        public List<?> views(List<Long> ids) { return ids; }
    }

    private static final Source BOX = new Source("box", "listBox", Optional.of("getBox"), List.of());

    @Test
    void stepsAndNavigationsAreFoundByName() {
        var item = new Source("item", "listItem", Optional.empty(), List.of(new QueryLink("items", "box", "t.box_id IN ({parents})")));
        QueryRegistry registry = new QueryRegistry(List.of(BOX, item));

        assertThat(registry.listSteps()).containsOnlyKeys("listBox", "listItem");
        assertThat(registry.getSteps()).containsOnlyKeys("getBox");
        assertThat(registry.navigation(registry.listSteps().get("listBox"), "items").to().source()).isSameAs(item);
        assertThat(registry.navigationSteps()).containsExactly("items");
    }

    @Test
    void twoSourcesWithOneStepNameAreRefused() {
        assertThatThrownBy(() -> new QueryRegistry(List.of(BOX, new Source("crate", "listBox", Optional.empty(), List.of()))))
                .hasMessageContaining("listBox");
        assertThatThrownBy(() -> new QueryRegistry(List.of(BOX, new Source("page", "listPage", Optional.empty(),
                List.of(new QueryLink("filter", "box", "t.box_id IN ({parents})")))))).hasMessageContaining("filter");
    }

    @Test
    void aLinkFromAnUnknownEntityOrWithoutItsParentsIsRefused() {
        assertThatThrownBy(() -> new QueryRegistry(List.of(new Source("item", "listItem", Optional.empty(),
                List.of(new QueryLink("items", "shelf", "t.shelf_id IN ({parents})")))))).hasMessageContaining("shelf");
        assertThatThrownBy(() -> new QueryLink("items", "box", "t.box_id = 1")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A source with further list steps. */
    private record Listing(String entity, String listStep, List<QueryList> namedLists) implements QuerySource {
        public String label() { return entity; }
        public String table() { return entity; }
        public List<QueryField> fields() { return List.of(QueryField.column("_id", "id", QueryField.Kind.ID)); }
        public List<?> views(List<Long> ids) { return ids; }
    }

    @Test
    void aNarrowedListIsAListStepOfItsEntityWithItsConditionAndItsNameIsUnique() {
        QueryList mine = new QueryList("myBoxes", caller -> SqlCondition.of("t.owner = ?", caller.login()));
        Listing boxes = new Listing("box", "listBox", List.of(mine));
        QueryRegistry registry = new QueryRegistry(List.of(boxes));
        assertThat(registry.listSteps()).containsOnlyKeys("listBox", "myBoxes");
        assertThat(registry.listSteps().get("myBoxes").source()).isSameAs(boxes);
        assertThat(registry.narrowedList("myBoxes")).contains(mine);
        assertThat(registry.narrowedList("listBox")).isEmpty();
        Listing clash = new Listing("crate", "listCrate", List.of(new QueryList("listBox", caller -> SqlCondition.ALWAYS)));
        assertThatThrownBy(() -> new QueryRegistry(List.of(BOX, clash))).hasMessageContaining("listBox");
    }

    /** Extra data another package adds to an entity. */
    private record Added(String entity, String name) implements QueryExtraDataSource {
        public java.util.Map<Long, ?> of(io.sightline.server.auth.Principal caller, List<Long> ids) { return java.util.Map.of(); }
    }

    @Test
    void extraDataAddedByAnotherPackageIsFoundOnItsEntityOnceAndOnlyForAKnownEntity() {
        Added links = new Added("box", "links");
        QueryRegistry registry = new QueryRegistry(List.of(BOX), QueryCustomFields.NONE, List.of(links));
        assertThat(registry.listSteps().get("listBox").extraData("links")).isSameAs(links);
        assertThat(registry.listSteps().get("listBox").extraData("other")).isNull();
        assertThatThrownBy(() -> new QueryRegistry(List.of(BOX), QueryCustomFields.NONE, List.of(links, new Added("box", "links"))))
                .hasMessageContaining("Two sources of extraData links");
        assertThatThrownBy(() -> new QueryRegistry(List.of(BOX), QueryCustomFields.NONE, List.of(new Added("shelf", "links"))))
                .hasMessageContaining("unknown entity shelf");
    }
}
