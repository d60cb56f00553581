package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorHealth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Beans of the connector runtime: partition locks and the {@code connectors} health contributor. */
@Configuration
class ConnectorRuntimeConfig {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService connectorLockHeartbeat() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "connector-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * ShedLock on the V1 {@code shedlock} table, with the database's clock (so hub instances with
     * skewed clocks agree on expiry; works on H2 and PostgreSQL), as leases kept alive while a run lasts.
     */
    @Bean
    PartitionLocks connectorLocks(DataSource dataSource, ScheduledExecutorService connectorLockHeartbeat,
                                  @Value("${sightline.connectors.lock-lease:30s}") Duration lease) {
        return new PartitionLocks(jdbcLocks(dataSource), lease, connectorLockHeartbeat);
    }

    static JdbcTemplateLockProvider jdbcLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }

    /** {@code /actuator/health} → {@code components.connectors.components.<name>}. */
    @Bean
    CompositeHealthContributor connectors(ConnectorRegistry registry) {
        Map<String, HealthIndicator> byName = new LinkedHashMap<>();
        for (Connector c : registry.all()) byName.put(c.name(), () -> health(c.health().snapshot()));
        if (byName.isEmpty()) byName.put("none", () -> Health.up().withDetail("connectors", "none installed").build());
        return CompositeHealthContributor.fromMap(byName);
    }

    /** A remote server down makes the connector DOWN (the hub itself keeps serving); WARNING stays UP with details. */
    static Health health(ConnectorHealth h) {
        Status status;
        if (!h.enabled()) status = Status.UP;
        else status = switch (h.status()) {
            case ERROR -> Status.DOWN;
            case CHECKING -> Status.UNKNOWN;
            default -> Status.UP;
        };
        return Health.status(status).withDetails(h.toJson()).build();
    }
}
