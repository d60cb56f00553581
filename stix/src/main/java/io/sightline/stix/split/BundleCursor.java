package io.sightline.stix.split;

import java.util.NoSuchElementException;

/**
 * The single-object bundles of a {@link SplitPlan} in delivery order, for a caller that encodes
 * each one right away (an AMQP publisher): {@link #next()} writes the next bundle into a buffer
 * that the following call reuses, so a whole plan needs one buffer instead of an array per object.
 * Not thread-safe.
 */
public final class BundleCursor {
    private final SplitPlan plan;
    private final String bundleId;
    private final long maxBundleBytes;
    private final BundleWriter writer = new BundleWriter();
    private int position;
    private int node = -1;

    BundleCursor(SplitPlan plan, String bundleId, long maxBundleBytes) {
        this.plan = plan;
        this.bundleId = bundleId;
        this.maxBundleBytes = maxBundleBytes;
    }

    /**
     * Writes the next bundle; false when every one was written.
     *
     * @throws OversizedObjectException when the bundle is larger than the limit
     */
    public boolean next() {
        if (position == plan.expectations()) return false;
        node = plan.nodeAt(position++);
        writer.write(bundleId, plan.dependencies(node), plan.stored(node), plan.removedRefs(node));
        if (writer.length() > maxBundleBytes) throw new OversizedObjectException(id(), writer.length(), maxBundleBytes);
        return true;
    }

    /** 1-based position of the current bundle (pycti's {@code action_sequence}). */
    public int sequence() {
        requireCurrent();
        return position;
    }

    /** STIX id of the current bundle's object. */
    public String id() {
        requireCurrent();
        return plan.id(node);
    }

    /** The buffer holding the current bundle as UTF-8 JSON in {@code [0, length())}; overwritten by {@link #next()}. */
    public byte[] bytes() {
        requireCurrent();
        return writer.bytes();
    }

    /** Length of the current bundle in {@link #bytes()}. */
    public int length() {
        requireCurrent();
        return writer.length();
    }

    private void requireCurrent() {
        if (node < 0) throw new NoSuchElementException("next() was not called yet");
    }
}
