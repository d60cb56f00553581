package io.sightline.server.connectors;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
        held.add(PartitionScheduler.lockName("unit", "dossier-1"));
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

    private PartitionScheduler scheduler(Duration interval, PartitionTask task) {
        return new PartitionScheduler("unit", SchedulePolicy.every(interval), task, locks, health, Clock.systemUTC());
    }
}
