package io.sightline.server.connectors.misp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Overlaps reading MISP with writing the database: the run's thread fetches, parses and maps
 * events and {@link #put}s their observables in chunks; a writer thread takes them in order and
 * writes what has piled up in one transaction (several small events, or one chunk of a large one),
 * with the last checkpoint its items carry. The queue holds a few chunks, so memory stays bounded
 * whatever the events' size. Items are written in the order they were put, and the reader only
 * attaches to an item a checkpoint that every event listed before is complete for (see
 * {@link ListedEvents}), so the checkpoint never runs ahead of the data.
 *
 * <p>A failure on either side ends both: the writer's failure is thrown to the reader at its next
 * {@link #put}; after a reader failure, {@link #close} lets the writer finish what was queued
 * before it (complete events keep their progress) and stops it.
 */
final class ImportPipeline implements AutoCloseable {
    /** Chunks waiting for the writer; each holds at most one batch of observables. */
    static final int CAPACITY = 8;

    /** What travels from the reader to the writer. */
    sealed interface Item permits Chunk, Checkpoint, End {}

    /**
     * Observables of one event, in the order read. The last chunk of an event completes it: the
     * transaction writing it also removes what MISP deleted and moves the checkpoint to
     * {@code checkpoint}, if not null (null: an event listed before this one is not complete yet).
     */
    record Chunk(ImportingEvent event, List<ImportedObservable> observables, boolean last, String checkpoint)
            implements Item {}

    /** Events that need no writing (skipped, unchanged, gone): only the checkpoint moves past them. */
    record Checkpoint(String value) implements Item {}

    private record End() implements Item {}

    /** Writes one transaction's worth of items, in order; runs on the writer thread. */
    interface Writer {
        void write(List<Item> items);
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Writer writer;
    private final int batchSize;
    private final Thread thread;
    private final BooleanSupplier stopRequested;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    ImportPipeline(String name, int batchSize, BooleanSupplier stopRequested, Writer writer) {
        this.writer = writer;
        this.batchSize = batchSize;
        this.stopRequested = stopRequested;
        this.thread = new Thread(this::drain, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands an item to the writer; blocks while the queue is full. */
    void put(Item item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
                if (!thread.isAlive()) throw new IllegalStateException("the MISP import writer has stopped");
            }
            rethrowFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MispEventImport.Stopped();
        }
    }

    /** Waits until everything handed over is written; throws the writer's failure if it had one. */
    void finish() {
        put(new End());
        join();
        rethrowFailure();
    }

    /**
     * Ends the pipeline: after {@link #finish} nothing is left to do; otherwise (the reader
     * failed) the writer writes what was queued before this call and stops.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (thread.isAlive() && !queue.offer(new End())) {
            // full: the writer is busy with the items before; wait for room or its end
            try {
                while (thread.isAlive() && !queue.offer(new End(), 100, TimeUnit.MILLISECONDS)) {
                    // waiting
                }
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
            }
        }
        join();
    }

    private void join() {
        closed = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            // shutting down: the writer stops at its next transaction
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        RuntimeException f = failure;
        if (f != null) throw f;
    }

    /** The writer thread: takes what is queued, one transaction at a time, until the end. */
    private void drain() {
        try {
            List<Item> items = new ArrayList<>();
            while (true) {
                Item first = queue.take();
                if (first instanceof End) return;
                items.clear();
                items.add(first);
                gather(items, size(first));
                if (stopRequested.getAsBoolean()) throw new MispEventImport.Stopped();
                writer.write(List.copyOf(items));
            }
        } catch (InterruptedException e) {
            failure = new MispEventImport.Stopped();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("the MISP import writer failed: " + e, e);
            throw e;
        } finally {
            queue.clear(); // unblocks a reader waiting for room; it then sees the failure
        }
    }

    /**
     * Adds the items already waiting, up to one batch of observables, so a transaction carries
     * several small events; never two chunks of one event (an upsert statement may touch a row
     * only once) and never the end marker.
     */
    private void gather(List<Item> items, int observables) {
        while (true) {
            Item next = queue.peek();
            if (next == null || next instanceof End) return;
            int n = size(next);
            if (observables + n > batchSize) return;
            if (next instanceof Chunk c && items.stream().anyMatch(i -> i instanceof Chunk o && o.event() == c.event())) return;
            items.add(queue.poll());
            observables += n;
        }
    }

    private static int size(Item item) {
        return item instanceof Chunk c ? Math.max(1, c.observables().size()) : 1;
    }
}
