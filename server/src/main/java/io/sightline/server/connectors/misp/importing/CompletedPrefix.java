package io.sightline.server.connectors.misp.importing;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Work handed out in order and completed in any order, and the checkpoint its longest complete
 * prefix allows: the checkpoint may move to that of the last piece of that prefix that carries
 * one, never past work still in progress. An import keeps two: the events in the order the search
 * listed them (MISP answers a page in its own order), and the transactions in the order they were
 * formed (parallel writers commit them in any order). Thread-safe.
 */
final class CompletedPrefix {
    private static final class Entry {
        final String checkpoint;
        boolean complete;

        Entry(String checkpoint) {
            this.checkpoint = checkpoint;
        }
    }

    /** From the first piece not complete on, in order. */
    private final ArrayDeque<Entry> pending = new ArrayDeque<>();
    private final Map<Long, Entry> byTicket = new HashMap<>();
    private long nextTicket;

    /**
     * Records the next piece of work.
     *
     * @param checkpoint where the checkpoint may move once it and all before it are complete; null: nowhere of its own
     * @return its ticket
     */
    synchronized long add(String checkpoint) {
        Entry e = new Entry(checkpoint);
        pending.addLast(e);
        byTicket.put(nextTicket, e);
        return nextTicket++;
    }

    /** Whether everything added before this piece is complete. */
    synchronized boolean isFirstPending(long ticket) {
        Entry e = byTicket.get(ticket);
        return e != null && pending.peekFirst() == e;
    }

    /**
     * Marks a piece complete.
     *
     * @return the checkpoint the complete prefix now reaches, or null when it did not grow or
     *         carries no checkpoint
     */
    synchronized String complete(long ticket) {
        Entry e = byTicket.remove(ticket);
        if (e == null) throw new IllegalArgumentException("piece " + ticket + " unknown or already complete");
        e.complete = true;
        String reached = null;
        while (!pending.isEmpty() && pending.peekFirst().complete) {
            String c = pending.removeFirst().checkpoint;
            if (c != null) reached = c;
        }
        return reached;
    }
}
