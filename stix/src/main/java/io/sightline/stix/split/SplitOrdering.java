package io.sightline.stix.split;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Orders a {@link RefGraph} the way pycti's splitter does, without its recursion limits:
 * a depth-first walk (iterative, so a chain of 100,000 references cannot overflow the stack) in
 * bundle order computes for every object its dependency count ({@code 1 + the counts of the
 * objects it references}, pycti's {@code nb_deps}, sent as {@code x_opencti_seq}); objects are then
 * sorted by that count, ties kept in completion order.
 *
 * <p>References removed from an object: to itself, to a type OpenCTI does not support, to an
 * object dropped as incomplete, and the reference closing a cycle (the target is still being
 * walked). After those removals the graph is acyclic and every kept reference to an object of the
 * bundle points at an object that comes earlier in the order. References to ids absent from the
 * bundle are kept and count zero, as pycti does without {@code cleanup_inconsistent_bundle}.
 */
final class SplitOrdering {
    private static final byte WHITE = 0;
    private static final byte GRAY = 1;
    private static final byte BLACK = 2;

    private final RefGraph graph;
    private final byte[] state;
    private final long[] dependencies;
    private final int[] completion;
    private final boolean[] kept;
    private final Map<Integer, Set<Integer>> removedRefs = new HashMap<>();
    private final Map<String, Integer> droppedByReason = new HashMap<>();
    private int completed;

    private SplitOrdering(RefGraph graph) {
        this.graph = graph;
        int n = graph.size();
        state = new byte[n];
        dependencies = new long[n];
        completion = new int[n];
        kept = new boolean[n];
    }

    static SplitOrdering of(RefGraph graph) {
        SplitOrdering ordering = new SplitOrdering(graph);
        for (int node : graph.definitionOrder()) {
            if (ordering.state[node] == WHITE) ordering.walk(node);
        }
        return ordering;
    }

    /** Defined, kept nodes in delivery order. */
    int[] order() {
        int[] defined = graph.definitionOrder();
        int count = 0;
        for (int node : defined) {
            if (kept[node]) defined[count++] = node;
        }
        // Sorted by dependency count, ties in completion order: completion numbers are distinct, so
        // sorting (count, completion) pairs packed into longs gives the same order without boxing.
        long[] keys = new long[count];
        boolean packable = true;
        for (int i = 0; i < count && packable; i++) packable = dependencies[defined[i]] < (1L << 31);
        if (!packable) return orderByComparator(defined, count);
        for (int i = 0; i < count; i++) keys[i] = dependencies[defined[i]] << 32 | completion[defined[i]];
        Arrays.sort(keys);
        int[] byCompletion = new int[completed];
        for (int i = 0; i < count; i++) byCompletion[completion[defined[i]]] = defined[i];
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = byCompletion[(int) keys[i]];
        return order;
    }

    /** The same order for dependency counts too large to pack (long reference chains). */
    private int[] orderByComparator(int[] nodes, int count) {
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) boxed[i] = nodes[i];
        Arrays.sort(boxed, (a, b) -> {
            int byDeps = Long.compare(dependencies[a], dependencies[b]);
            return byDeps != 0 ? byDeps : Integer.compare(completion[a], completion[b]);
        });
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    long dependencies(int node) {
        return dependencies[node];
    }

    /** Ids of the references removed from {@code node}'s object (empty set when none). */
    Set<String> removedRefs(int node) {
        Set<Integer> removed = removedRefs.get(node);
        if (removed == null) return Set.of();
        Set<String> ids = new HashSet<>();
        for (int target : removed) ids.add(graph.id(target));
        return ids;
    }

    /** Number of dropped objects per reason, e.g. {@code "unsupported type x-mitre-asset" -> 1}. */
    Map<String, Integer> droppedByReason() {
        return droppedByReason;
    }

    int removedRefCount() {
        return removedRefs.values().stream().mapToInt(Set::size).sum();
    }

    private void walk(int root) {
        // Each frame is {node, index of the next reference to look at}.
        Deque<int[]> stack = new ArrayDeque<>();
        enter(root, stack);
        while (!stack.isEmpty()) {
            int[] frame = stack.peek();
            int node = frame[0];
            int[] refs = graph.refs(node);
            if (frame[1] == refs.length) {
                stack.pop();
                finish(node);
                continue;
            }
            int target = refs[frame[1]];
            if (!graph.isDefined(target)) {
                if (!graph.isSupported(target)) remove(node, target);
                frame[1]++;
            } else if (target == node || state[target] == GRAY || !graph.isSupported(target)) {
                remove(node, target);
                frame[1]++;
            } else if (state[target] == WHITE) {
                enter(target, stack);
            } else {
                if (kept[target]) dependencies[node] = saturatedAdd(dependencies[node], dependencies[target]);
                else remove(node, target);
                frame[1]++;
            }
        }
    }

    private void enter(int node, Deque<int[]> stack) {
        state[node] = GRAY;
        dependencies[node] = 1;
        stack.push(new int[] {node, 0});
    }

    private void finish(int node) {
        state[node] = BLACK;
        completion[node] = completed++;
        String type = graph.type(node);
        if (!graph.isSupported(node)) {
            droppedByReason.merge("unsupported type " + type, 1, Integer::sum);
            return;
        }
        int[][] requirement = graph.requirement(node);
        if (requirement != null && !satisfied(node, requirement)) {
            droppedByReason.merge(type + " with a missing or dropped end", 1, Integer::sum);
            return;
        }
        kept[node] = true;
    }

    private boolean satisfied(int node, int[][] requirement) {
        Set<Integer> removed = removedRefs.getOrDefault(node, Set.of());
        for (int required : requirement[0]) {
            if (required == RefGraph.NONE || removed.contains(required)) return false;
        }
        if (requirement.length > 1) {
            for (int candidate : requirement[1]) {
                if (!removed.contains(candidate)) return true;
            }
            return false;
        }
        return true;
    }

    private void remove(int node, int target) {
        removedRefs.computeIfAbsent(node, k -> new HashSet<>()).add(target);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
