package io.sightline.stix.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference graph of one bundle, held as ids and integer arrays only (no object content):
 * node {@code i} is an interned id; a node is "defined" when the bundle holds an object with that
 * id, otherwise it is only the target of a reference. Memory is a few dozen bytes per id plus four
 * bytes per reference.
 */
final class RefGraph {
    static final int NONE = -1;

    private final Map<String, Integer> index = new HashMap<>();
    private String[] ids = new String[256];
    private int[] record = new int[256];
    private String[] types = new String[256];
    private int[][] refs = new int[256][];
    /** For relationships and sightings: the refs that must survive, and the refs of which one must. */
    private final Map<Integer, int[][]> requirements = new HashMap<>();
    private final List<Integer> definitionOrder = new ArrayList<>();
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
        if (record[node] == NONE) definitionOrder.add(node);
        record[node] = spillRecord;
        types[node] = type;
        refs[node] = distinctRefs;
        if (requirement == null) requirements.remove(node);
        else requirements.put(node, requirement);
    }

    boolean isDefined(int node) {
        return record[node] != NONE;
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
    List<Integer> definitionOrder() {
        return definitionOrder;
    }

    private void grow() {
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        record = Arrays.copyOf(record, capacity);
        types = Arrays.copyOf(types, capacity);
        refs = Arrays.copyOf(refs, capacity);
    }
}
