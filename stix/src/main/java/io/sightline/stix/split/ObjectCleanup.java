package io.sightline.stix.split;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies the splitter's edits to one object just before it is sent. The stored object is left
 * alone: the result is a shallow copy whose edited properties are new arrays.
 */
final class ObjectCleanup {
    private ObjectCleanup() {}

    static ObjectNode clean(ObjectNode stored, Set<String> removedRefs) {
        ObjectNode object = stored.objectNode();
        object.setAll(stored);
        List<String> names = new ArrayList<>(object.propertyNames());
        for (String name : names) {
            JsonNode value = object.get(name);
            if (name.endsWith("_ref") && value.isString()) {
                if (removedRefs.contains(value.stringValue())) object.remove(name);
            } else if (name.endsWith("_refs") && value.isArray()) {
                object.set(name, keptRefs((ArrayNode) value, removedRefs));
            } else if (name.equals("external_references") && value.isArray()) {
                object.set(name, distinctExternalReferences((ArrayNode) value));
            } else if (name.equals("kill_chain_phases") && value.isArray()) {
                object.set(name, distinctKillChainPhases((ArrayNode) value));
            }
        }
        return object;
    }

    private static ArrayNode keptRefs(ArrayNode refs, Set<String> removed) {
        ArrayNode kept = refs.arrayNode();
        Set<String> seen = new HashSet<>();
        for (JsonNode ref : refs) {
            if (!ref.isString()) {
                kept.add(ref);
            } else if (!removed.contains(ref.stringValue()) && seen.add(ref.stringValue())) {
                kept.add(ref);
            }
        }
        return kept;
    }

    /** pycti keys an external reference by its url, else by source_name + external_id, else drops it. */
    private static ArrayNode distinctExternalReferences(ArrayNode references) {
        return distinct(references, ObjectCleanup::externalReferenceKey);
    }

    /** The key two external references are the same by; null for one pycti drops (neither url nor external id). */
    static Object externalReferenceKey(JsonNode reference) {
        if (reference.hasNonNull("url")) return "url\u0000" + reference.get("url").asString();
        if (reference.hasNonNull("source_name") && reference.hasNonNull("external_id")) {
            return "id\u0000" + reference.get("source_name").asString() + "\u0000" + reference.get("external_id").asString();
        }
        return null;
    }

    private static ArrayNode distinctKillChainPhases(ArrayNode phases) {
        return distinct(phases, ObjectCleanup::killChainPhaseKey);
    }

    /** Kill chain phases are the same when their chain and phase names are. */
    static Object killChainPhaseKey(JsonNode phase) {
        return Map.entry(phase.path("kill_chain_name").asString(""), phase.path("phase_name").asString(""));
    }

    private static ArrayNode distinct(ArrayNode elements, Function<JsonNode, Object> key) {
        ArrayNode kept = elements.arrayNode();
        Set<Object> seen = new HashSet<>();
        for (JsonNode element : elements) {
            Object k = key.apply(element);
            if (k != null && seen.add(k)) kept.add(element);
        }
        return kept;
    }
}
