package io.sightline.server.connectors.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Leases on ShedLock's table: kept while their holder lives, lapsing within a lease once it is dead. */
class PartitionLocksTest {
    private static final Duration LEASE = PartitionLocks.MIN_LEASE;
    private final HikariDataSource db = database();
    private final ScheduledExecutorService heartbeatsOfA = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService heartbeatsOfB = Executors.newSingleThreadScheduledExecutor();
    private final PartitionLocks a = new PartitionLocks(ConnectorRuntimeConfig.jdbcLocks(db), LEASE, heartbeatsOfA);
    private final PartitionLocks b = new PartitionLocks(ConnectorRuntimeConfig.jdbcLocks(db), LEASE, heartbeatsOfB);

    @AfterEach
    void close() {
        heartbeatsOfA.shutdownNow();
        heartbeatsOfB.shutdownNow();
        db.close();
    }

    @Test
    void aLiveHoldersLeaseOutlastsItsFirstTerm() throws Exception {
        PartitionLocks.Lease held = a.acquire("p").orElseThrow();
        Thread.sleep(LEASE.multipliedBy(2).toMillis());
        assertThat(b.acquire("p")).as("taken from a live holder").isEmpty();
        assertThat(held.lost()).isFalse();
        held.release();
        assertThat(b.acquire("p")).as("free once released").isPresent();
    }

    @Test
    void aDeadHoldersLockLapsesWithinALease() throws Exception {
        a.acquire("p").orElseThrow();
        heartbeatsOfA.shutdownNow(); // the holder dies: no more heartbeats, no release
        long died = System.nanoTime();
        Optional<PartitionLocks.Lease> taken = Optional.empty();
        while (taken.isEmpty() && System.nanoTime() - died < LEASE.multipliedBy(3).toNanos()) {
            Thread.sleep(100);
            taken = b.acquire("p");
        }
        Duration after = Duration.ofNanos(System.nanoTime() - died);
        assertThat(taken).isPresent();
        assertThat(after).isLessThanOrEqualTo(LEASE.plusMillis(500));
    }

    @Test
    void aLeaseTooShortForItsHeartbeatIsRefused() {
        assertThatThrownBy(() -> new PartitionLocks(ConnectorRuntimeConfig.jdbcLocks(db), Duration.ofSeconds(1), heartbeatsOfA))
                .hasMessageContaining("sightline.connectors.lock-lease must be at least 3 seconds");
    }

    private static HikariDataSource database() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:locks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setMaximumPoolSize(4);
        new JdbcTemplate(ds).execute("CREATE TABLE shedlock (name VARCHAR(64) PRIMARY KEY, lock_until TIMESTAMP(3) NOT NULL, "
                + "locked_at TIMESTAMP(3) NOT NULL, locked_by VARCHAR(255) NOT NULL)");
        return ds;
    }
}
