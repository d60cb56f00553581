package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionScheduler;
import io.sightline.server.connectors.spi.PartitionTask;
import io.sightline.server.connectors.spi.SchedulePolicy;

import io.sightline.server.support.PostgresDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances on one PostgreSQL database, each with its own scheduler, connection pool and
 * lock provider, polling the same partitions: a partition never runs on both at once.
 */
class PartitionSchedulersOnOneDatabaseTest {

    @Test
    void aPartitionIsNeverRunByTwoInstancesAtOnce() throws Exception {
        String url = PostgresDatabase.newDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        List<String> partitions = List.of("MISP Server", "dossier-1", "dossier-2");
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
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
        HikariDataSource poolA = instanceDataSource(url);
        HikariDataSource poolB = instanceDataSource(url);
        PartitionScheduler a = new LockedPartitionScheduler("misp", policy, task, counting(poolA, refused), healthA, Clock.systemUTC());
        PartitionScheduler b = new LockedPartitionScheduler("misp", policy, task, counting(poolB, refused), healthB, Clock.systemUTC());
        partitions.forEach(p -> {
            a.addPartition(p);
            b.addPartition(p);
        });
        a.start();
        b.start();
        // until both instances have run and met each other's locks; bounded for a busy machine
        ConnectorRuntimeContract.await(() -> runs.get() >= 30 && ran(healthA) > 0 && ran(healthB) > 0 && refused.get() > 0);
        a.stop();
        b.stop();
        poolA.close();
        poolB.close();

        assertThat(overlaps.get()).isZero();
        assertThat(runs.get()).isGreaterThanOrEqualTo(30);
        // both instances did work, and each found partitions held by the other
        assertThat(ran(healthA) + ran(healthB)).isEqualTo(runs.get());
        assertThat(ran(healthA)).isPositive();
        assertThat(ran(healthB)).isPositive();
        assertThat(refused.get()).isPositive();
    }

    /** One instance's lock provider (its own connections), counting the locks it was refused. */
    private static PartitionLocks counting(DataSource pool, AtomicInteger refused) {
        LockProvider jdbc = ConnectorRuntimeConfig.jdbcLocks(pool);
        return new PartitionLocks(config -> {
            var lock = jdbc.lock(config);
            if (lock.isEmpty()) refused.incrementAndGet();
            return lock;
        }, PartitionLocks.DEFAULT_LEASE, HEARTBEATS);
    }

    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor();

    private static long ran(HealthTracker h) {
        return h.snapshot().counters().getOrDefault("runs", 0L);
    }

    /** Each instance has its own small pool, as two hub processes would. */
    private static HikariDataSource instanceDataSource(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("postgres");
        ds.setPassword("");
        ds.setMaximumPoolSize(2);
        return ds;
    }
}
