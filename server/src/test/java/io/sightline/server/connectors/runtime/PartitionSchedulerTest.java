package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionHealth;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.PartitionTask;
import io.sightline.server.connectors.spi.SchedulePolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scheduler behaviour that needs no database: an in-memory lock table stands in for ShedLock's. */
class PartitionSchedulerTest {
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final LockProvider locks = config -> held.add(config.getName())
            ? Optional.<SimpleLock>of(() -> held.remove(config.getName())) : Optional.empty();
    private final HealthTracker health = new HealthTracker("unit", true);

    @Test
    void onDemandRunsQueueBehindTheRunningOneAndNeverOverlap() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        PartitionScheduler s = scheduler(Duration.ofHours(1), run -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(5);
            runs.incrementAndGet();
            inFlight.decrementAndGet();
        });
        s.addPartition("a").addPartition("b");
        s.start();
        var last = s.triggerNow("a");
        for (int i = 0; i < 20; i++) last = s.triggerNow(i % 2 == 0 ? "a" : "b");
        assertThat(last.get(5, TimeUnit.SECONDS)).isEqualTo(PartitionScheduler.Outcome.SUCCEEDED);
        s.stop();
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(runs.get()).isGreaterThanOrEqualTo(22);
        assertThat(health.snapshot().counters()).isEmpty();
    }

    @Test
    void aPartitionLockedElsewhereIsSkippedAndSaysWhy() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PartitionScheduler s = scheduler(Duration.ofHours(1), run -> runs.incrementAndGet());
        s.addPartition("dossier-1");
        held.add(LockedPartitionScheduler.lockName("unit", "dossier-1"));
        s.start();
        assertThat(s.triggerNow("dossier-1").get(5, TimeUnit.SECONDS)).isEqualTo(PartitionScheduler.Outcome.SKIPPED_LOCKED);
        assertThat(runs.get()).isZero();
        PartitionHealth p = health.snapshot().partitions().get(0);
        assertThat(p.lastSkip()).isEqualTo("another hub instance is running this partition");
        assertThat(p.nextRunAt()).isNotNull();
        s.stop();
    }

    @Test
    void stopLetsTheRunningBatchFinishAndPlansNothingMore() throws Exception {
        AtomicBoolean sawStop = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        PartitionScheduler s = scheduler(Duration.ofMillis(50), run -> {
            runs.incrementAndGet();
            while (!run.stopRequested()) Thread.sleep(5);
            sawStop.set(true);
        });
        s.addPartition("a");
        s.start();
        while (runs.get() == 0) Thread.sleep(5);
        long start = System.nanoTime();
        s.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(sawStop).isTrue();
        assertThat(held).isEmpty();
        Thread.sleep(150);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(s.triggerNow("a").get(1, TimeUnit.SECONDS)).isEqualTo(PartitionScheduler.Outcome.SKIPPED_STOPPED);
    }

    /**
     * A first run planned with delay 0 can end, and plan the next one, before {@code start()} or
     * {@code addPartition()} has recorded the first plan. Recording it afterwards used to replace and
     * cancel that newer plan, and the partition was never run again. The window is short, so
     * many fresh schedulers (whose first plan also starts their thread) try it.
     */
    @Test
    void everyPartitionKeepsBeingRunWhenItsFirstRunEndsBeforeItsPlanIsRecorded() throws Exception {
        for (int i = 0; i < 40; i++) {
            Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
            PartitionScheduler s = scheduler(Duration.ofMillis(5),
                    run -> runs.computeIfAbsent(run.partition(), p -> new AtomicInteger()).incrementAndGet());
            s.addPartition("at-start");
            s.start();
            s.addPartition("added-later");
            for (String partition : List.of("at-start", "added-later")) {
                ConnectorRuntimeContract.await("3 runs of partition " + partition + " of scheduler #" + i,
                        () -> runs.getOrDefault(partition, new AtomicInteger()).get() >= 3);
            }
            s.stop();
        }
    }

    @Test
    void anErrorThrownByARunIsRecordedAndThePartitionIsRetried() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PartitionScheduler s = scheduler(Duration.ofMillis(20), run -> {
            // not an Exception: an Error escaping the run used to end the partition's chain of runs
            if (runs.incrementAndGet() == 1) throw new InternalError("codec crashed");
        });
        s.addPartition("a");
        s.start();
        ConnectorRuntimeContract.await(() -> runs.get() >= 3);
        s.stop();
        PartitionHealth p = health.snapshot().partitions().get(0);
        assertThat(p.lastError()).isEqualTo("codec crashed");
        assertThat(p.consecutiveFailures()).isZero();
        assertThat(p.running()).isFalse();
    }

    @Test
    void aRunAskedForWhileStoppingCompletesAsSkippedInsteadOfNeverCompleting() throws Exception {
        CountDownLatch waitingForLock = new CountDownLatch(1);
        // the database lock is slow to answer: stop() interrupts the wait and drops the queued runs
        LockProvider slow = config -> {
            waitingForLock.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the lock", e);
            }
            return Optional.empty();
        };
        LockedPartitionScheduler s = new LockedPartitionScheduler("unit", SchedulePolicy.every(Duration.ofHours(1)), run -> { },
                leases(slow), health, Clock.systemUTC());
        s.addPartition("a");
        s.start();
        assertThat(waitingForLock.await(5, TimeUnit.SECONDS)).isTrue();
        var queued = s.triggerNow("a");
        s.stop();
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(PartitionScheduler.Outcome.SKIPPED_STOPPED);
    }

    /** The holder may have died: its lock lapses within a lease, and the partition must not wait for the interval. */
    @Test
    void aPartitionFoundLockedIsTriedAgainAfterAThirdOfTheLeaseNotTheInterval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        LockedPartitionScheduler s = new LockedPartitionScheduler("unit", SchedulePolicy.every(Duration.ofHours(1)), run -> runs.incrementAndGet(),
                new PartitionLocks(locks, PartitionLocks.MIN_LEASE, heartbeats), health, Clock.systemUTC());
        s.addPartition("a");
        held.add(LockedPartitionScheduler.lockName("unit", "a"));
        s.start();
        ConnectorRuntimeContract.await(() -> health.snapshot().partitions().get(0).lastSkip() != null);
        held.clear(); // the other holder's lock lapsed
        long freed = System.nanoTime();
        ConnectorRuntimeContract.await(() -> runs.get() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - freed)).isLessThan(PartitionLocks.MIN_LEASE);
        s.stop();
    }

    @Test
    void aStoppedSchedulerRefusesToStartAgainRatherThanRunNothing() {
        PartitionScheduler s = scheduler(Duration.ofHours(1), run -> { });
        s.addPartition("a");
        s.stop();
        assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be started again");
    }

    private PartitionScheduler scheduler(Duration interval, PartitionTask task) {
        return new LockedPartitionScheduler("unit", SchedulePolicy.every(interval), task, leases(locks), health, Clock.systemUTC());
    }

    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    private PartitionLocks leases(LockProvider provider) {
        return new PartitionLocks(provider, PartitionLocks.DEFAULT_LEASE, heartbeats);
    }

    @Test
    void lockNamesFitShedLocksColumnAndStayDistinct() {
        assertThat(LockedPartitionScheduler.lockName("misp", "MISP Server")).isEqualTo("connector:misp:MISP Server");
        String a = LockedPartitionScheduler.lockName("stixify", "dossier-" + "x".repeat(80) + "-a");
        String b = LockedPartitionScheduler.lockName("stixify", "dossier-" + "x".repeat(80) + "-b");
        assertThat(a).hasSize(64).startsWith("connector:stixify:dossier-").isNotEqualTo(b);
    }
}
