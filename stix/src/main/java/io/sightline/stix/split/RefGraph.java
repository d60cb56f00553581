package io.sightline.stix.split;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference graph of one bundle, held as ids and integer arrays only (no object content):
 * node {@code i} is an interned id; a node is "defined" when the bundle holds an object with that
 * id, otherwise it is only the target of a reference. Memory is a few dozen bytes per id plus four
 * bytes per reference.
 */
final class RefGraph {
    static final int NONE = -1;
    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final Map<String, Integer> index = new HashMap<>();
    private String[] ids = new String[256];
    private int[] record = new int[256];
    private String[] types = new String[256];
    private int[][] refs = new int[256][];
    /** Whether OpenCTI imports the node's type (defined nodes) or the id's type (references only), computed once. */
    private byte[] supported = new byte[256];
    /** For {@link #distinct}: the stamp of the last object that listed the node. */
    private int[] listedBy = new int[256];
    private int stamp;
    /** For relationships and sightings: the refs that must survive, and the refs of which one must. */
    private final Map<Integer, int[][]> requirements = new HashMap<>();
    private int[] definitionOrder = new int[256];
    private int defined;
    private int size;

    /** Interns an id (defined or only referenced) and returns its node number. */
    int intern(String id) {
        Integer existing = index.get(id);
        if (existing != null) return existing;
        if (size == ids.length) grow();
        ids[size] = id;
        record[size] = NONE;
        index.put(id, size);
        return size++;
    }

    /** Records (or replaces, for a newer duplicate) the object defining {@code node}. */
    void define(int node, String type, int spillRecord, int[] distinctRefs, int[][] requirement) {
        if (record[node] == NONE) {
            if (defined == definitionOrder.length) definitionOrder = Arrays.copyOf(definitionOrder, defined * 2);
            definitionOrder[defined++] = node;
        }
        record[node] = spillRecord;
        types[node] = type;
        refs[node] = distinctRefs;
        supported[node] = OpenCtiTypes.isSupported(type) ? YES : NO;
        if (requirement == null) requirements.remove(node);
        else requirements.put(node, requirement);
    }

    /**
     * The first {@code count} nodes of {@code nodes} without repeats, in their order: one pass,
     * whatever the count (a report object lists thousands of references).
     */
    int[] distinct(int[] nodes, int count) {
        stamp++;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int node = nodes[i];
            if (listedBy[node] != stamp) {
                listedBy[node] = stamp;
                nodes[kept++] = node;
            }
        }
        return Arrays.copyOf(nodes, kept);
    }

    boolean isDefined(int node) {
        return record[node] != NONE;
    }

    /**
     * For a defined node, whether OpenCTI imports its type; for a reference to an id absent from the
     * bundle, whether the id may point at something OpenCTI imports ({@link OpenCtiTypes#isSupportedRef}).
     */
    boolean isSupported(int node) {
        if (supported[node] == UNKNOWN) supported[node] = OpenCtiTypes.isSupportedRef(ids[node]) ? YES : NO;
        return supported[node] == YES;
    }

    int size() {
        return size;
    }

    String id(int node) {
        return ids[node];
    }

    String type(int node) {
        return types[node];
    }

    int record(int node) {
        return record[node];
    }

    int[] refs(int node) {
        return refs[node];
    }

    int[][] requirement(int node) {
        return requirements.get(node);
    }

    /** Defined nodes in the order their ids first appeared as objects. */
    int[] definitionOrder() {
        return Arrays.copyOf(definitionOrder, defined);
    }

    private void grow() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        record = Arrays.copyOf(record, capacity);
        types = Arrays.copyOf(types, capacity);
        refs = Arrays.copyOf(refs, capacity);
        supported = Arrays.copyOf(supported, capacity);
        listedBy = Arrays.copyOf(listedBy, capacity);
    }
}
