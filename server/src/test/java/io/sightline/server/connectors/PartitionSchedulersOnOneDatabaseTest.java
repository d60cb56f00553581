package io.sightline.server.connectors;

import io.sightline.server.support.PostgresDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances on one PostgreSQL database, each with its own scheduler, connection pool and
 * lock provider, polling the same partitions: a partition never runs on both at once.
 */
class PartitionSchedulersOnOneDatabaseTest {

    @Test
    void aPartitionIsNeverRunByTwoInstancesAtOnce() throws Exception {
        String url = PostgresDatabase.newDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        List<String> partitions = List.of("MISP Server", "dossier-1", "dossier-2");
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        PartitionTask task = run -> {
            AtomicInteger n = inFlight.computeIfAbsent(run.partition(), p -> new AtomicInteger());
            if (n.incrementAndGet() > 1) overlaps.incrementAndGet();
            try {
                Thread.sleep(40);
                runs.incrementAndGet();
                run.count("runs", 1);
            } finally {
                n.decrementAndGet();
            }
        };
        SchedulePolicy policy = SchedulePolicy.every(Duration.ofMillis(20));
        HealthTracker healthA = new HealthTracker("misp", true);
        HealthTracker healthB = new HealthTracker("misp", true);
        AtomicInteger refused = new AtomicInteger();
        PartitionScheduler a = new PartitionScheduler("misp", policy, task, counting(url, refused), healthA, Clock.systemUTC());
        PartitionScheduler b = new PartitionScheduler("misp", policy, task, counting(url, refused), healthB, Clock.systemUTC());
        partitions.forEach(p -> {
            a.addPartition(p);
            b.addPartition(p);
        });
        a.start();
        b.start();
        Thread.sleep(3000);
        a.stop();
        b.stop();

        assertThat(overlaps.get()).isZero();
        assertThat(runs.get()).isGreaterThan(20);
        // both instances did work, and each found partitions held by the other
        assertThat(ran(healthA) + ran(healthB)).isEqualTo(runs.get());
        assertThat(ran(healthA)).isPositive();
        assertThat(ran(healthB)).isPositive();
        assertThat(refused.get()).isPositive();
    }

    /** One instance's lock provider (its own connections), counting the locks it was refused. */
    private static LockProvider counting(String url, AtomicInteger refused) {
        LockProvider jdbc = ConnectorRuntimeConfig.jdbcLocks(instanceDataSource(url));
        return config -> {
            var lock = jdbc.lock(config);
            if (lock.isEmpty()) refused.incrementAndGet();
            return lock;
        };
    }

    private static long ran(HealthTracker h) {
        return h.snapshot().counters().getOrDefault("runs", 0L);
    }

    private static DataSource instanceDataSource(String url) {
        return new DriverManagerDataSource(url, "postgres", "");
    }
}
