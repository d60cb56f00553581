package io.sightline.server.connectors.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database locks that keep a connector partition to one hub instance at a time, as short
 * leases kept alive by a heartbeat (docs/durability.md).
 *
 * <p>A lock is taken for one lease ({@code sightline.connectors.lock-lease}, 30 s by default) and
 * extended by another lease every third of it while its holder lives. A hub that dies (kill -9,
 * power loss) stops extending it, so the lock lapses at most one lease after the death, and the
 * partition's next holder (the same hub restarted, or another one) takes it over then instead of
 * waiting for a long safety margin to pass.
 */
public final class PartitionLocks {
    private static final Logger log = LoggerFactory.getLogger(PartitionLocks.class);
    /** Below this the heartbeat (a database write every third of it) would be too tight for a busy database. */
    public static final Duration MIN_LEASE = Duration.ofSeconds(3);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private final LockProvider provider;
    private final Duration lease;
    private final ScheduledExecutorService heartbeats;

    /**
     * @param provider   takes and extends the locks (ShedLock on the {@code shedlock} table); a
     *                   provider whose locks cannot be extended keeps each lock one lease at most
     * @param heartbeats runs the extensions; one thread serves every lease of the hub
     */
    public PartitionLocks(LockProvider provider, Duration lease, ScheduledExecutorService heartbeats) {
        if (lease.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("sightline.connectors.lock-lease must be at least " + MIN_LEASE.toSeconds()
                    + " seconds, was " + lease);
        }
        this.provider = provider;
        this.lease = lease;
        this.heartbeats = heartbeats;
    }

    /**
     * How long an instance that found a partition locked waits before trying again: with the lock
     * of a dead holder lapsing within a lease, the partition is taken over within 4/3 of a lease.
     */
    public Duration retryAfterLocked() {
        return lease.dividedBy(3);
    }

    /** Takes the lock if no live holder has it; the lease is then kept alive until {@link Lease#release()}. */
    public Optional<Lease> acquire(String name) {
        return provider.lock(new LockConfiguration(Instant.now(), name, lease, Duration.ZERO)).map(lock -> new Lease(name, lock));
    }

    /** One held lock. */
    public final class Lease {
        private final String name;
        private final ScheduledFuture<?> heartbeat;
        private SimpleLock lock;
        private long validUntilNanos;
        private boolean released;
        private volatile boolean lost;

        private Lease(String name, SimpleLock lock) {
            this.name = name;
            this.lock = lock;
            this.validUntilNanos = System.nanoTime() + lease.toNanos();
            long period = lease.dividedBy(3).toMillis();
            this.heartbeat = heartbeats.scheduleAtFixedRate(this::extend, period, period, TimeUnit.MILLISECONDS);
        }

        /**
         * Whether the lock may now be held by another instance: an extension was refused, or none
         * succeeded for a whole lease. A run checks it between batches and stops.
         */
        public boolean lost() {
            return lost || System.nanoTime() - validUntilNanos > 0;
        }

        private synchronized void extend() {
            if (released || lost) return;
            long now = System.nanoTime();
            try {
                Optional<SimpleLock> extended = lock.extend(lease, Duration.ZERO);
                if (extended.isPresent()) {
                    lock = extended.get();
                    validUntilNanos = now + lease.toNanos();
                } else {
                    lost = true;
                    log.warn("Lock {} was lost (it lapsed or was taken by another hub instance): its run stops at its next batch", name);
                }
            } catch (UnsupportedOperationException e) {
                heartbeat.cancel(false); // such a lock lasts one lease
            } catch (RuntimeException e) {
                // the database may answer the next beat; lost() turns true if none does within the lease
                log.warn("Could not extend lock {}: {}", name, e.toString());
            }
        }

        /** Stops the heartbeat and frees the lock (unless it was lost: then it is someone else's). */
        public synchronized void release() {
            if (released) return;
            released = true;
            heartbeat.cancel(false);
            // ShedLock frees a lock by name alone: one lost may be another instance's by now
            if (!lost()) lock.unlock();
        }
    }
}
