package io.sightline.testkit.misp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads MISP data files into the emulator, whatever shape MISP or its tools wrote them in:
 * {@code {"Event":…}}, {@code {"response":[{"Event":…}]}}, a bare event, an event index array
 * (metadata only), an attribute search result (grouped into events by their {@code Event} stub),
 * and a feed folder ({@code manifest.json} plus one {@code <uuid>.json} per event).
 */
final class MispFixtureLoader {

    private final MispEmulatorStore store;

    MispFixtureLoader(MispEmulatorStore store) {
        this.store = store;
    }

    /** Loads a file or every {@code .json} file of a folder (recursively); returns the event ids added. */
    List<String> load(Path path) {
        List<String> ids = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                // manifests last: they only add feed events whose own file is absent
                files = walk.filter(p -> p.toString().endsWith(".json")).sorted((a, b) -> {
                    boolean ma = isManifest(a), mb = isManifest(b);
                    return ma == mb ? a.compareTo(b) : ma ? 1 : -1;
                }).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.forEach(f -> ids.addAll(loadFile(f)));
        } else {
            ids.addAll(loadFile(path));
        }
        return ids;
    }

    private static boolean isManifest(Path p) {
        return p.getFileName().toString().equals("manifest.json");
    }

    private List<String> loadFile(Path file) {
        JsonNode root;
        try {
            root = MispEmulatorStore.JSON.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot load MISP data from " + file + ": " + e.getMessage(), e);
        }
        List<String> ids = new ArrayList<>();
        if (root.isObject() && root.has("Event")) {
            ids.add(store.add((ObjectNode) root.get("Event")));
        } else if (root.isObject() && root.path("response").isArray()) {
            root.get("response").forEach(r -> ids.add(store.add((ObjectNode) (r.has("Event") ? r.get("Event") : r))));
        } else if (root.isObject() && (root.has("Attribute") || root.has("info"))) {
            ids.add(store.add((ObjectNode) root));
        } else if (root.isObject() && isManifest(file)) {
            root.properties().forEach(e -> {
                if (store.find(e.getKey()).isEmpty()) {
                    ObjectNode event = ((ObjectNode) e.getValue()).deepCopy();
                    event.put("uuid", e.getKey());
                    ids.add(store.add(event));
                }
            });
        } else if (root.isArray() && !root.isEmpty() && root.get(0).has("type") && root.get(0).has("value")) {
            ids.addAll(loadAttributeList(root));
        } else if (root.isArray()) {
            root.forEach(r -> ids.add(store.add((ObjectNode) (r.has("Event") ? r.get("Event") : r))));
        } else {
            throw new IllegalArgumentException(file + " is not a MISP event, event list, index or attribute list");
        }
        return ids;
    }

    /** An attribute search result: attributes grouped under events built from their Event stubs. */
    private List<String> loadAttributeList(JsonNode attributes) {
        Map<String, ObjectNode> events = new LinkedHashMap<>();
        for (JsonNode a : attributes) {
            JsonNode stub = a.path("Event");
            String key = stub.path("uuid").asString(a.path("event_id").asString());
            ObjectNode event = events.computeIfAbsent(key, k -> {
                ObjectNode e = MispEmulatorStore.JSON.createObjectNode();
                stub.properties().forEach(p -> e.set(p.getKey(), p.getValue().deepCopy()));
                e.putArray("Attribute");
                return e;
            });
            ObjectNode copy = ((ObjectNode) a).deepCopy();
            copy.remove("Event");
            copy.remove("Object");
            event.withArray("Attribute").add(copy);
        }
        List<String> ids = new ArrayList<>();
        events.values().forEach(e -> ids.add(store.add(e)));
        return ids;
    }
}
