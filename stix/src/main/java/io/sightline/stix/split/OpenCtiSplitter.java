package io.sightline.stix.split;

import io.sightline.stix.StixFormatException;
import io.sightline.stix.StixVersions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Splits the objects of one bundle the way OpenCTI's Python client (pycti's
 * {@code OpenCTIStix2Splitter}) does before an AMQP delivery: one object per message, referenced
 * objects before the objects referring to them, objects of types OpenCTI does not import dropped
 * (with the references to them, and relationships/sightings that lose an end), cycles broken,
 * references to ids absent from the bundle tolerated, and the number of messages (the work's
 * expectations) known before the first message is sent.
 *
 * <p><b>Bounded memory.</b> Ordering needs the whole reference graph, so a report of 100,000
 * objects cannot be split while it streams. The splitter therefore keeps only ids, types and
 * references in memory ({@link RefGraph}: a few dozen bytes per object) and puts the objects in a
 * {@link SpillStore}, which keeps them as they are while their estimated heap footprint stays under
 * {@code memoryBudget} and otherwise serializes them all to a temporary file. Messages are then
 * produced lazily, reading objects back one at a time in dependency order. Input objects are never
 * modified.
 *
 * <p>Deliberate differences from pycti, all towards not sending what OpenCTI would reject:
 * duplicate ids keep the newest version ({@code modified}, then {@code created}; last one on a tie)
 * where pycti keeps the last; a reference removed from an object is deleted instead of set to
 * {@code null}; references to objects dropped as incomplete are removed too; the reference that
 * closes a cycle is always removed (pycti misses cycles longer than two). Like pycti, only top-level
 * {@code *_ref}/{@code *_refs} properties are references, duplicate {@code external_references}
 * (same url, or same source_name + external_id) and {@code kill_chain_phases} are collapsed, and
 * external references with neither a url nor an external_id are dropped.
 *
 * <p>Instances are stateless and thread-safe; each {@link #plan} returns its own {@link SplitPlan}.
 */
public final class OpenCtiSplitter {
    /** Default heap budget for object content before spilling to disk: 32 MB (estimated footprint). */
    public static final long DEFAULT_MEMORY_BUDGET = 32L * 1024 * 1024;

    private final long memoryBudget;
    private final Path spillDirectory;

    /** A splitter with the default memory budget, spilling to the system temporary folder. */
    public OpenCtiSplitter() {
        this(DEFAULT_MEMORY_BUDGET, null);
    }

    /**
     * @param memoryBudget estimated heap bytes of objects kept before spilling to disk (0 spills always)
     * @param spillDirectory folder for spill files, or null for the system temporary folder
     */
    public OpenCtiSplitter(long memoryBudget, Path spillDirectory) {
        if (memoryBudget < 0 || memoryBudget > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("memoryBudget must be between 0 and 2 GB: " + memoryBudget);
        }
        this.memoryBudget = memoryBudget;
        this.spillDirectory = spillDirectory;
    }

    /**
     * Consumes all {@code objects} (e.g. a {@link io.sightline.stix.StixObjectReader} or the pages of
     * a Stixify report) and returns the plan of messages. The caller must close the plan.
     *
     * @throws StixFormatException if an element is not a JSON object or has no string {@code id} or {@code type}
     */
    public SplitPlan plan(Iterator<? extends JsonNode> objects) {
        RefGraph graph = new RefGraph();
        SpillStore store = new SpillStore(memoryBudget, spillDirectory);
        int inputCount = 0;
        int duplicates = 0;
        int[][] refBuffer = {new int[64]};
        try {
            while (objects.hasNext()) {
                JsonNode next = objects.next();
                inputCount++;
                if (!(next instanceof ObjectNode object)) {
                    throw new StixFormatException("object #" + inputCount + " is not a JSON object");
                }
                String id = requiredString(object, "id", inputCount);
                String type = requiredString(object, "type", inputCount);
                int node = graph.intern(id);
                if (graph.isDefined(node)) {
                    duplicates++;
                    if (isOlder(object, store.read(graph.record(node)))) continue;
                }
                int record = store.append(object);
                graph.define(node, type, record, refsOf(object, graph, refBuffer), requirementOf(object, type, graph));
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new SplitPlan(graph, SplitOrdering.of(graph), store, inputCount, duplicates);
    }

    private static String requiredString(JsonNode object, String property, int position) {
        JsonNode value = object.get(property);
        if (value == null || !value.isString() || value.stringValue().isEmpty()) {
            throw new StixFormatException("object #" + position + " has no string '" + property + "'"
                    + (property.equals("type") ? " (id " + object.path("id").asString("?") + ")" : ""));
        }
        return value.stringValue();
    }

    /** Whether {@code candidate} is an older version than {@code current} (newest wins, the later one on a tie). */
    private static boolean isOlder(JsonNode candidate, JsonNode current) {
        Instant currentVersion = versionOrNull(current);
        if (currentVersion == null) return false;
        Instant candidateVersion = versionOrNull(candidate);
        return candidateVersion == null || candidateVersion.isBefore(currentVersion);
    }

    private static Instant versionOrNull(JsonNode object) {
        try {
            return StixVersions.versionOf(object).orElse(null);
        } catch (StixFormatException e) {
            return null; // a bad timestamp only matters for duplicates; OpenCTI reports it on import
        }
    }

    /** The distinct targets of the object's top-level {@code *_ref} and {@code *_refs} properties, in order. */
    private static int[] refsOf(JsonNode object, RefGraph graph, int[][] buffer) {
        int[] targets = buffer[0];
        int count = 0;
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (name.endsWith("_ref") && value.isString()) {
                if (count == targets.length) targets = buffer[0] = Arrays.copyOf(targets, count * 2);
                targets[count++] = graph.intern(value.stringValue());
            } else if (name.endsWith("_refs") && value.isArray()) {
                if (count + value.size() > targets.length) targets = buffer[0] = Arrays.copyOf(targets, (count + value.size()) * 2);
                for (JsonNode ref : value) {
                    if (ref.isString()) targets[count++] = graph.intern(ref.stringValue());
                }
            }
        }
        return graph.distinct(targets, count);
    }

    /** Relationships need both ends; sightings need what was sighted and at least one place. */
    private static int[][] requirementOf(JsonNode object, String type, RefGraph graph) {
        if (type.equals("relationship")) {
            return new int[][] {{ref(object, "source_ref", graph), ref(object, "target_ref", graph)}};
        }
        if (type.equals("sighting")) {
            List<Integer> where = new ArrayList<>();
            for (JsonNode ref : object.path("where_sighted_refs")) {
                if (ref.isString()) where.add(graph.intern(ref.stringValue()));
            }
            return new int[][] {{ref(object, "sighting_of_ref", graph)}, where.stream().mapToInt(Integer::intValue).toArray()};
        }
        return null;
    }

    private static int ref(JsonNode object, String property, RefGraph graph) {
        JsonNode value = object.get(property);
        return value != null && value.isString() ? graph.intern(value.stringValue()) : RefGraph.NONE;
    }
}
