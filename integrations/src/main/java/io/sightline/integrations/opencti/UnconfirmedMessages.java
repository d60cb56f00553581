package io.sightline.integrations.opencti;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages published on the current AMQP channel that the broker has not confirmed yet, in
 * publish order. A channel numbers its messages 1, 2, 3, ..., so they sit in a ring indexed by
 * sequence number: adding and confirming cost no allocation, and a {@code multiple} confirm
 * clears a prefix. Confirms arrive on the connection's thread, publishes on the caller's; every
 * method is synchronized, and the monitor is what {@link #awaitFewerThan} waits on.
 */
final class UnconfirmedMessages {
    private byte[][] ring = new byte[1024][];
    /** Ring index of the oldest slot, whose sequence number is {@link #first}. */
    private int head;
    /** Slots in use from {@link #head}, confirmed ones in between included (they are null). */
    private int span;
    private int count;
    private long first;
    private Object channel;
    private int waiters;

    /**
     * Starts tracking a new channel's messages (its numbering starts over) and returns the
     * messages of the previous channel that were never confirmed, oldest first.
     */
    synchronized List<byte[]> restart(Object newChannel) {
        List<byte[]> left = new ArrayList<>(count);
        for (int i = 0; i < span; i++) {
            byte[] body = ring[(head + i) & (ring.length - 1)];
            if (body != null) left.add(body);
        }
        clear();
        channel = newChannel;
        return left;
    }

    /** Forgets every message (after a failure was reported to the caller). */
    synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        head = 0;
        span = 0;
        count = 0;
    }

    /** Tracks a message about to be published with sequence number {@code seq} on the current channel. */
    synchronized void add(long seq, byte[] body) {
        if (count == 0) {
            // Nothing pending (every slot is null): the window starts at this number.
            span = 0;
            first = seq;
        } else if (seq != first + span) {
            throw new IllegalStateException("publish sequence number " + seq + " does not follow " + (first + span - 1));
        }
        if (span == ring.length) grow();
        ring[(head + span) & (ring.length - 1)] = body;
        span++;
        count++;
    }

    /** A confirm (ack or nack) from {@code from}: message {@code seq}, or every message up to it when {@code multiple}. */
    synchronized void confirm(Object from, long seq, boolean multiple) {
        if (from != channel || count == 0) return; // a late confirm of a channel given up on
        long offset = seq - first;
        if (offset < 0) return;
        int mask = ring.length - 1;
        if (multiple) {
            long last = Math.min(offset, span - 1L);
            for (int i = 0; i <= last; i++) release((head + i) & mask);
        } else if (offset < span) {
            release((int) ((head + offset) & mask));
        }
        while (span > 0 && ring[head] == null) {
            head = (head + 1) & mask;
            span--;
            first++;
        }
        if (waiters > 0) notifyAll();
    }

    synchronized int size() {
        return count;
    }

    /** Waits until fewer than {@code limit} messages are unconfirmed, at most {@code millis}; returns how many are. */
    synchronized int awaitFewerThan(int limit, long millis) throws InterruptedException {
        if (count >= limit) {
            waiters++;
            try {
                wait(Math.max(1, millis));
            } finally {
                waiters--;
            }
        }
        return count;
    }

    /** Wakes the waiting publisher (the channel closed: it must not wait for the timeout). */
    synchronized void wakeUp() {
        notifyAll();
    }

    private void release(int index) {
        if (ring[index] != null) {
            ring[index] = null;
            count--;
        }
    }

    private void grow() {
        byte[][] bigger = new byte[ring.length * 2][];
        for (int i = 0; i < span; i++) bigger[i] = ring[(head + i) & (ring.length - 1)];
        ring = bigger;
        head = 0;
    }
}
