package io.sightline.testkit.misp;

import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An event loaded from a file or created through the API, held as a JSON tree. */
final class TreeEvent implements EmulatedEvent {

    private static final Set<String> CONTENT = Set.of("Attribute", "Object", "ShadowAttribute", "RelatedEvent",
            "Galaxy", "EventReport", "Sighting");

    private final ObjectNode tree;

    TreeEvent(ObjectNode tree) {
        this.tree = tree;
    }

    /** The live tree; callers hold the store's lock while changing it. */
    ObjectNode tree() {
        return tree;
    }

    ArrayNode attributes() {
        return (ArrayNode) tree.get("Attribute");
    }

    ArrayNode objects() {
        return (ArrayNode) tree.get("Object");
    }

    /** The plain attribute list followed by each object's attribute list. */
    java.util.List<ArrayNode> attributeLists() {
        java.util.List<ArrayNode> lists = new java.util.ArrayList<>();
        lists.add(tree.withArray("Attribute"));
        for (JsonNode object : tree.withArray("Object")) {
            lists.add(((ObjectNode) object).withArray("Attribute"));
        }
        return lists;
    }

    /** Attributes not soft-deleted: MISP's {@code attribute_count}. */
    long liveAttributeCount() {
        long n = 0;
        for (ArrayNode list : attributeLists()) {
            for (JsonNode a : list) {
                n += a.path("deleted").asBoolean(false) ? 0 : 1;
            }
        }
        return n;
    }

    @Override
    public ObjectNode header() {
        ObjectNode header = tree.objectNode();
        tree.properties().forEach(e -> {
            if (!CONTENT.contains(e.getKey())) {
                header.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return header;
    }

    @Override
    public void write(JsonGenerator out, boolean includeDeleted) {
        ObjectNode copy = tree.deepCopy();
        if (!includeDeleted) {
            copy.set("Attribute", withoutDeleted(copy.withArray("Attribute")));
            ArrayNode objects = copy.arrayNode();
            for (JsonNode object : copy.withArray("Object")) {
                if (!object.path("deleted").asBoolean(false)) {
                    ((ObjectNode) object).set("Attribute", withoutDeleted(((ObjectNode) object).withArray("Attribute")));
                    objects.add(object);
                }
            }
            copy.set("Object", objects);
        }
        out.writeTree(inMispOrder(copy));
    }

    /**
     * MISP writes an event's own fields (id and uuid first) before its lists, and the tags last;
     * a reader can then tell which event the attributes belong to while they stream by.
     */
    private static ObjectNode inMispOrder(ObjectNode event) {
        ObjectNode ordered = event.objectNode();
        for (String first : java.util.List.of("id", "uuid")) {
            if (event.has(first)) {
                ordered.set(first, event.get(first));
            }
        }
        event.properties().forEach(e -> {
            if (!e.getValue().isContainer()) {
                ordered.set(e.getKey(), e.getValue());
            }
        });
        event.properties().forEach(e -> {
            if (e.getValue().isContainer() && !e.getKey().equals("Tag")) {
                ordered.set(e.getKey(), e.getValue());
            }
        });
        if (event.has("Tag")) {
            ordered.set("Tag", event.get("Tag"));
        }
        return ordered;
    }

    private static ArrayNode withoutDeleted(ArrayNode attributes) {
        ArrayNode kept = attributes.arrayNode();
        attributes.forEach(a -> {
            if (!a.path("deleted").asBoolean(false)) {
                kept.add(a);
            }
        });
        return kept;
    }
}
