package io.sightline.server.connectors.misp.importing;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The events a run has listed, in the search's order (ascending MISP timestamp), and which of
 * them are complete. Events are fetched several at a time and MISP answers in its own order, so
 * they complete out of order; the checkpoint may only move to the timestamp of the last event of
 * the longest complete prefix, never past an event still being read or written.
 */
final class ListedEvents {
    private static final class Entry {
        final long timestamp;
        boolean complete;

        Entry(long timestamp) {
            this.timestamp = timestamp;
        }
    }

    private final ArrayDeque<Entry> incomplete = new ArrayDeque<>();
    private final Map<Long, Entry> byTicket = new HashMap<>();
    private long nextTicket;

    /** Records the next listed event; returns its ticket. */
    long listed(long timestamp) {
        Entry e = new Entry(timestamp);
        incomplete.addLast(e);
        byTicket.put(nextTicket, e);
        return nextTicket++;
    }

    /**
     * Marks an event complete (imported, or needing nothing).
     *
     * @return the checkpoint this allows, or null when an event listed before it is not complete
     */
    String complete(long ticket) {
        Entry e = byTicket.remove(ticket);
        if (e == null) throw new IllegalArgumentException("event " + ticket + " unknown or already complete");
        e.complete = true;
        Long reached = null;
        while (!incomplete.isEmpty() && incomplete.peekFirst().complete) {
            reached = incomplete.removeFirst().timestamp;
        }
        return reached == null ? null : Long.toString(reached);
    }
}
