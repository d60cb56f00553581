package io.sightline.server.connectors.misp.importing;

import io.sightline.server.observables.ImportedObservable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Overlaps reading MISP with writing the database: the run's thread fetches, parses and maps
 * events and {@link #put}s their observables in chunks; a dispatcher thread takes them in order
 * and groups what has piled up into transactions (several small events, or one chunk of a large
 * one), which {@code lanes} writer threads write, each on its own connection: on PostgreSQL one
 * writing connection keeps one core busy, a second one lets the database use another. The
 * queue holds a few chunks, so memory stays bounded whatever the events' size.
 *
 * <p>The checkpoint never runs ahead of the data: the reader only attaches to an item a
 * checkpoint that every event listed before is complete for (see {@link CompletedPrefix}), and a
 * transaction's checkpoint is committed only once every transaction formed before it has
 * committed: within that transaction when they all had when it began, else on its own right
 * after the last of them. Chunks of one event are written one after the other, in order.
 *
 * <p>A failure on either side ends both: a writer's failure is thrown to the reader at its next
 * {@link #put}; after a reader failure, {@link #close} lets the writers finish what was queued
 * before it (complete events keep their progress) and stops them.
 */
final class ImportPipeline implements AutoCloseable {
    /** Chunks waiting for the writers; each holds at most one batch of observables. */
    static final int CAPACITY = 8;

    /** What travels from the reader to the writers. */
    sealed interface Item permits Chunk, Checkpoint, End {}

    /**
     * Observables of one event, in the order read. The last chunk of an event completes it: the
     * transaction writing it also removes what MISP deleted; the checkpoint may then move to
     * {@code checkpoint}, if not null (null: an event listed before this one is not complete yet).
     */
    record Chunk(ImportingEvent event, List<ImportedObservable> observables, boolean last, String checkpoint)
            implements Item {}

    /** Events that need no writing (skipped, unchanged, gone): only the checkpoint moves past them. */
    record Checkpoint(String value) implements Item {}

    private record End() implements Item {}

    /** Writes transactions; called from several threads at once when there are several lanes. */
    interface Writer {
        /**
         * Writes one transaction's items, in order.
         *
         * @param checkpoint committed in the same transaction when not null
         */
        void write(List<Item> items, String checkpoint);

        /** Commits a checkpoint in a transaction of its own. */
        void commitCheckpoint(String value);
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Writer writer;
    private final int batchSize;
    private final int lanes;
    private final BooleanSupplier stopRequested;
    private final Thread dispatcher;
    private final ExecutorService writers;
    private final Semaphore freeLanes;
    /** The last transaction that wrote each event with chunks still to come: its next one waits for it. */
    private final Map<ImportingEvent, CompletableFuture<Void>> eventsInProgress = new IdentityHashMap<>();
    /** The transactions in the order they were formed, to move the checkpoint over the committed prefix only. */
    private final CompletedPrefix transactions = new CompletedPrefix();
    /** Held while a checkpoint is committed, so they are committed in order. */
    private final Object checkpointLock = new Object();
    /** The last checkpoint committed; guarded by {@code checkpointLock}. */
    private String checkpointWritten;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    ImportPipeline(String name, int batchSize, int lanes, BooleanSupplier stopRequested, Writer writer) {
        this.writer = writer;
        this.batchSize = batchSize;
        this.lanes = lanes;
        this.stopRequested = stopRequested;
        this.freeLanes = new Semaphore(lanes);
        int[] n = {0};
        this.writers = Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, name + "-writer-" + ++n[0]);
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Thread(this::dispatch, name);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Hands an item to the writers; blocks while the queue is full. */
    void put(Item item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
                if (!dispatcher.isAlive()) throw new IllegalStateException("the MISP import writer has stopped");
            }
            rethrowFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventReader.Stopped();
        }
    }

    /** Waits until everything handed over is written; throws a writer's failure if there was one. */
    void finish() {
        put(new End());
        join();
        rethrowFailure();
    }

    /**
     * Ends the pipeline: after {@link #finish} nothing is left to do; otherwise (the reader
     * failed) the writers write what was queued before this call and stop.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            while (dispatcher.isAlive() && !queue.offer(new End(), 100, TimeUnit.MILLISECONDS)) {
                // full: the writers are busy with the items before
            }
        } catch (InterruptedException e) {
            dispatcher.interrupt();
            Thread.currentThread().interrupt();
        }
        join();
    }

    private void join() {
        closed = true;
        try {
            dispatcher.join();
        } catch (InterruptedException e) {
            // shutting down: the writers stop at their next transaction
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        RuntimeException f = failure;
        if (f != null) throw f;
    }

    private void fail(RuntimeException e) {
        synchronized (this) {
            if (failure == null) failure = e;
        }
    }

    /** The dispatcher thread: forms transactions in order and hands each to a free writer. */
    private void dispatch() {
        try {
            List<Item> items = new ArrayList<>();
            while (true) {
                // a free writer first: what piles up meanwhile then goes into one transaction
                freeLanes.acquire();
                Item first = failure == null ? queue.take() : new End();
                if (first instanceof End) {
                    freeLanes.release();
                    break;
                }
                items.clear();
                items.add(first);
                gather(items, size(first));
                if (stopRequested.getAsBoolean()) {
                    freeLanes.release();
                    throw new EventReader.Stopped();
                }
                submit(List.copyOf(items));
            }
        } catch (InterruptedException e) {
            fail(new EventReader.Stopped());
        } catch (RuntimeException e) {
            fail(e);
        } catch (Error e) {
            fail(new IllegalStateException("the MISP import writer failed: " + e, e));
            throw e;
        } finally {
            awaitWriters();
            queue.clear(); // unblocks a reader waiting for room; it then sees the failure
        }
    }

    /** Lets the transactions handed out end (a stopping writer ends at its next one). */
    private void awaitWriters() {
        writers.shutdown();
        try {
            while (!writers.awaitTermination(1, TimeUnit.SECONDS)) {
                // a transaction still running
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(List<Item> items) {
        String checkpoint = null;
        List<CompletableFuture<Void>> before = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (Item item : items) {
            if (item instanceof Chunk c) {
                CompletableFuture<Void> previous = c.last() ? eventsInProgress.remove(c.event())
                        : eventsInProgress.put(c.event(), done);
                if (previous != null) before.add(previous);
                if (c.last() && c.checkpoint() != null) checkpoint = c.checkpoint();
            } else if (item instanceof Checkpoint c) {
                checkpoint = c.value();
            }
        }
        String txCheckpoint = checkpoint;
        long seq = transactions.add(txCheckpoint);
        writers.execute(() -> {
            try {
                // the event's earlier chunk must be committed: it made the event's alerts
                before.forEach(CompletableFuture::join);
                if (failure != null || stopRequested.getAsBoolean()) throw new EventReader.Stopped();
                boolean inOrder = isFirstPending(seq);
                writer.write(items, inOrder ? txCheckpoint : null);
                committed(seq, inOrder ? txCheckpoint : null);
                done.complete(null);
            } catch (RuntimeException e) {
                // a failure of the transaction waited for is that transaction's, already recorded
                fail(e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e);
                done.completeExceptionally(e);
            } catch (Error e) {
                fail(new IllegalStateException("the MISP import writer failed: " + e, e));
                done.completeExceptionally(e);
                throw e;
            } finally {
                freeLanes.release();
            }
        });
    }

    /**
     * Whether every transaction formed before this one has committed, its checkpoint included: it
     * may then carry its own checkpoint. Waits while a checkpoint is being committed, which would
     * otherwise commit after this transaction's and move the checkpoint backwards.
     */
    private boolean isFirstPending(long seq) {
        synchronized (checkpointLock) {
            return transactions.isFirstPending(seq);
        }
    }

    /**
     * A transaction committed (with {@code written}, its checkpoint, when it was the first pending
     * one): commits the checkpoint the committed prefix now allows, unless already written, and
     * never backwards. Serialised, so checkpoints are committed in order.
     */
    private void committed(long seq, String written) {
        synchronized (checkpointLock) {
            if (written != null) checkpointWritten = written;
            String reached = transactions.complete(seq);
            if (reached != null && !reached.equals(checkpointWritten)) {
                writer.commitCheckpoint(reached);
                checkpointWritten = reached;
            }
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
