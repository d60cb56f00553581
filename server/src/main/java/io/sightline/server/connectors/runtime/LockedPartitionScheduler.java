package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.FailureReason;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionRun;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.PartitionTask;
import io.sightline.server.connectors.spi.SchedulePolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's {@link PartitionScheduler}: runs a connector's {@link PartitionTask} for each partition (one per MISP server, per Stixify
 * dossier): right after {@link #start()} (or after the policy's initial delay), then every
 * interval, and on demand with {@link #triggerNow(String)}.
 *
 * <ul>
 *   <li>Runs of one scheduler never overlap: they share one thread.</li>
 *   <li>Each run first takes the partition's database lock ({@link PartitionLocks}: a lease kept
 *       alive while the run lasts), so with several hub instances on one database a partition is
 *       polled by one instance at a time. An instance that finds the lock taken skips the run and
 *       tries again after a third of the lease (or the interval, if shorter): if the holder died,
 *       its lock lapses within a lease and the partition resumes here soon after.</li>
 *   <li>A run whose lock was lost (not extended in time) is asked to stop, as at shutdown.</li>
 *   <li>A run that throws is recorded in the health and retried with backoff
 *       ({@link SchedulePolicy#retryDelay}); it never stops the scheduler.</li>
 *   <li>Each partition has exactly one planned run at a time. Plans are made under one lock, by
 *       the caller of {@link #start()} or {@link #addPartition} and by the end of each run: with
 *       delay 0 a first run can end and plan its successor before the caller has recorded the
 *       first plan, and that late record must not replace (and cancel) the newer plan.</li>
 * </ul>
 */
public final class LockedPartitionScheduler implements PartitionScheduler {
    private static final Logger log = LoggerFactory.getLogger(LockedPartitionScheduler.class);
    private static final int MAX_LOCK_NAME = 64;
    /** How long a running task may take to notice {@link PartitionRun#stopRequested()} at shutdown. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String connector;
    private final SchedulePolicy policy;
    private final PartitionTask task;
    private final PartitionLocks locks;
    private final HealthTracker health;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private final Set<String> partitions = ConcurrentHashMap.newKeySet();
    /** Guards {@link #planned}, {@link #partitions} changes, {@link #started} and {@link #stopping}. */
    private final Object plans = new Object();
    private final Map<String, ScheduledFuture<?>> planned = new ConcurrentHashMap<>();
    /** Runs asked for with {@link #triggerNow} whose outcome is not known yet; completed at {@link #stop()}. */
    private final Set<CompletableFuture<Outcome>> pendingTriggers = ConcurrentHashMap.newKeySet();
    private volatile boolean started;
    private volatile boolean stopping;
    private volatile boolean inTask;

    public LockedPartitionScheduler(String connector, SchedulePolicy policy, PartitionTask task, PartitionLocks locks,
                              HealthTracker health, Clock clock) {
        this.connector = connector;
        this.policy = policy;
        this.task = task;
        this.locks = locks;
        this.health = health;
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "connector-" + connector);
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Adds a partition; once started, its first run is planned at once (after the initial delay). */
    @Override
    public PartitionScheduler addPartition(String partition) {
        synchronized (plans) {
            if (partitions.add(partition)) {
                health.declarePartition(partition);
                if (started) plan(partition, policy.initialDelay());
            }
        }
        return this;
    }

    /** Stops planning runs of a partition (e.g. a dossier that was deleted); a running one finishes. */
    @Override
    public void removePartition(String partition) {
        synchronized (plans) {
            partitions.remove(partition);
            ScheduledFuture<?> f = planned.remove(partition);
            if (f != null) f.cancel(false);
            health.forgetPartition(partition);
        }
    }

    @Override
    public Set<String> partitions() {
        return Set.copyOf(partitions);
    }

    /**
     * Plans the first run of every partition.
     *
     * @throws IllegalStateException after {@link #stop()}: a stopped scheduler would plan nothing,
     *                               so its partitions would silently never run
     */
    @Override
    public void start() {
        synchronized (plans) {
            if (stopping) throw new IllegalStateException("connector " + connector + ": a stopped scheduler cannot be started again");
            if (started) return;
            started = true;
            for (String p : partitions) plan(p, policy.initialDelay());
        }
    }

    /**
     * Runs the partition as soon as the scheduler's thread is free (after the run in progress,
     * if any); the regular plan restarts from the end of that run.
     *
     * @return completes with the run's outcome
     */
    @Override
    public CompletableFuture<Outcome> triggerNow(String partition) {
        if (!partitions.contains(partition)) {
            throw new IllegalArgumentException("connector " + connector + " has no partition " + partition);
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        pendingTriggers.add(result);
        result.whenComplete((outcome, error) -> pendingTriggers.remove(result));
        try {
            executor.execute(() -> result.complete(runSafely(partition)));
        } catch (RejectedExecutionException e) {
            result.complete(Outcome.SKIPPED_STOPPED);
        }
        return result;
    }

    /**
     * Signals the running task and lets it finish its batch (up to {@link #STOP_GRACE}), then
     * interrupts it; plans nothing more. Waiting for a lock or a connection is interrupted at once:
     * at shutdown the database may already be gone. Runs asked for with {@link #triggerNow} that
     * will not happen complete as {@link Outcome#SKIPPED_STOPPED}.
     */
    @Override
    public void stop() {
        synchronized (plans) {
            stopping = true;
            planned.values().forEach(f -> f.cancel(false));
            planned.clear();
        }
        executor.shutdown();
        try {
            if (!inTask) executor.shutdownNow();
            if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Connector {}: a run did not finish within {} of shutdown; interrupting it", connector, STOP_GRACE);
                executor.shutdownNow();
                executor.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // shutdownNow drops queued runs: their callers must not wait forever
        pendingTriggers.forEach(f -> f.complete(Outcome.SKIPPED_STOPPED));
    }

    /**
     * Replaces the partition's planned run with one {@code delay} from now. Under {@link #plans}:
     * with a short delay the run may start, end and plan its successor before this thread has
     * recorded {@code next}; the lock holds that successor's plan back until then, so the newest
     * plan is the one kept and no live plan is ever cancelled.
     */
    private void plan(String partition, Duration delay) {
        synchronized (plans) {
            if (stopping || !partitions.contains(partition)) return;
            try {
                ScheduledFuture<?> next = executor.schedule(() -> runSafely(partition), delay.toMillis(), TimeUnit.MILLISECONDS);
                ScheduledFuture<?> previous = planned.put(partition, next);
                if (previous != null) previous.cancel(false);
                health.nextRun(partition, clock.instant().plus(delay));
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }
    }

    /**
     * Whatever goes wrong, the partition stays planned: an error escaping here would end its chain
     * of runs without a trace, as the executor keeps it in a future nobody reads.
     */
    private Outcome runSafely(String partition) {
        try {
            return runOnce(partition);
        } catch (Throwable e) {
            log.error("Connector {}: unexpected failure around the run of partition '{}'", connector, partition, e);
            plan(partition, policy.interval());
            return Outcome.FAILED;
        }
    }

    /** Runs on the scheduler's single thread only. */
    private Outcome runOnce(String partition) {
        if (stopping) return Outcome.SKIPPED_STOPPED;
        if (!partitions.contains(partition)) return Outcome.SKIPPED_STOPPED;
        Optional<PartitionLocks.Lease> lock;
        try {
            lock = locks.acquire(lockName(connector, partition));
        } catch (RuntimeException e) {
            int failures = health.runFailed(partition, "could not take the partition lock: " + FailureReason.of(e));
            plan(partition, policy.retryDelay(failures));
            return Outcome.FAILED;
        }
        if (lock.isEmpty()) {
            health.runSkipped(partition, "another hub instance is running this partition");
            plan(partition, min(policy.interval(), locks.retryAfterLocked()));
            return Outcome.SKIPPED_LOCKED;
        }
        Outcome outcome;
        health.runStarted(partition);
        inTask = true;
        try {
            PartitionLocks.Lease lease = lock.get();
            task.run(new PartitionRun(partition, health, () -> stopping || lease.lost()));
            health.runSucceeded(partition);
            // a run cut short by a lost lease may not have finished: try again as a locked-out instance would
            plan(partition, lease.lost() ? min(policy.interval(), locks.retryAfterLocked()) : policy.interval());
            outcome = Outcome.SUCCEEDED;
        } catch (Throwable e) {
            String reason = FailureReason.of(e);
            int failures = health.runFailed(partition, reason);
            Duration retry = policy.retryDelay(failures);
            log.warn("Connector {}: run of partition '{}' failed ({} in a row), next try in {}: {}", connector, partition,
                    failures, retry, health.scrub(reason));
            plan(partition, retry);
            outcome = Outcome.FAILED;
        } finally {
            inTask = false;
            unlock(lock.get(), partition);
        }
        return outcome;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void unlock(PartitionLocks.Lease lock, String partition) {
        try {
            lock.release();
        } catch (RuntimeException e) {
            // the lock then lapses within a lease; the next run is planned already
            log.warn("Connector {}: could not release the lock of partition '{}': {}", connector, partition, e.toString());
        }
    }

    /** ShedLock's name column holds 64 characters; longer names keep a readable prefix and a hash. */
    static String lockName(String connector, String partition) {
        String name = "connector:" + connector + ":" + partition;
        if (name.length() <= MAX_LOCK_NAME) return name;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest, 0, 12);
            return name.substring(0, MAX_LOCK_NAME - hash.length() - 1) + "#" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
