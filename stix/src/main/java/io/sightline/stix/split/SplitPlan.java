package io.sightline.stix.split;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of {@link OpenCtiSplitter#plan}: how many messages will be sent (known before the
 * first one, so the work's expectations can be added first), what was dropped, and the messages
 * themselves, read back lazily in dependency order. Iterating more than once re-reads the objects.
 * Close the plan to release its spill file.
 */
public final class SplitPlan implements Iterable<SplitObject>, AutoCloseable {
    private final RefGraph graph;
    private final SplitOrdering ordering;
    private final SpillStore store;
    private final int[] order;
    private final int inputCount;
    private final int duplicates;
    private boolean closed;

    SplitPlan(RefGraph graph, SplitOrdering ordering, SpillStore store, int inputCount, int duplicates) {
        this.graph = graph;
        this.ordering = ordering;
        this.store = store;
        this.order = ordering.order();
        this.inputCount = inputCount;
        this.duplicates = duplicates;
    }

    /** Number of messages, i.e. the expectations to add to the work before publishing. */
    public int expectations() {
        return order.length;
    }

    /** Objects read from the input, duplicates included. */
    public int inputCount() {
        return inputCount;
    }

    /** Objects whose id had already been seen (only the newest version of each id is sent). */
    public int duplicates() {
        return duplicates;
    }

    /** Objects left out, counted per reason ({@code "unsupported type x-mitre-asset"}, ...). */
    public Map<String, Integer> dropped() {
        return Map.copyOf(ordering.droppedByReason());
    }

    /** Total number of objects left out. */
    public int droppedCount() {
        return ordering.droppedByReason().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** References removed from sent objects (unsupported or dropped targets, self references, cycles). */
    public int removedReferences() {
        return ordering.removedRefCount();
    }

    /** Whether object content went to a temporary file because it exceeded the memory budget. */
    public boolean spilled() {
        return store.spilled();
    }

    /** The messages in delivery order. */
    @Override
    public Iterator<SplitObject> iterator() {
        return new Iterator<>() {
            private int position;

            @Override
            public boolean hasNext() {
                return position < order.length;
            }

            @Override
            public SplitObject next() {
                if (!hasNext()) throw new NoSuchElementException();
                if (closed) throw new IllegalStateException("split plan already closed");
                int node = order[position++];
                ObjectNode object = store.read(graph.record(node));
                return new SplitObject(position, ordering.dependencies(node), ObjectCleanup.clean(object, ordering.removedRefs(node)));
            }
        };
    }

    /**
     * The single-object bundles of pycti, in delivery order, each checked against a size limit.
     *
     * @param bundleId the id every split bundle carries (pycti reuses the original bundle's id)
     * @param maxBundleBytes the largest bundle allowed; an object whose bundle is larger raises
     *     {@link OversizedObjectException} when reached
     */
    public Iterator<byte[]> bundles(String bundleId, long maxBundleBytes) {
        BundleCursor cursor = bundleCursor(bundleId, maxBundleBytes);
        return new Iterator<>() {
            private int returned;

            @Override
            public boolean hasNext() {
                return returned < order.length;
            }

            @Override
            public byte[] next() {
                if (!hasNext() || !cursor.next()) throw new NoSuchElementException();
                returned++;
                return java.util.Arrays.copyOf(cursor.bytes(), cursor.length());
            }
        };
    }

    /**
     * The same bundles as {@link #bundles}, written one at a time into a reused buffer: for callers
     * that encode each bundle at once and keep nothing of it.
     */
    public BundleCursor bundleCursor(String bundleId, long maxBundleBytes) {
        return new BundleCursor(this, bundleId, maxBundleBytes);
    }

    int nodeAt(int position) {
        return order[position];
    }

    long dependencies(int node) {
        return ordering.dependencies(node);
    }

    Set<String> removedRefs(int node) {
        return ordering.removedRefs(node);
    }

    String id(int node) {
        return graph.id(node);
    }

    /** The object of a node as it was read (not cleaned), from memory or the spill file. */
    ObjectNode stored(int node) {
        if (closed) throw new IllegalStateException("split plan already closed");
        return store.read(graph.record(node));
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        store.close();
    }
}
