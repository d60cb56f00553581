package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.PartitionHealth;
import io.sightline.server.connectors.spi.ServerStatus;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters for every connector, tagged by connector and server or partition:
 * <ul>
 *   <li>{@code sightline.connector.status}: 1 when the connector's aggregate status is OK or WARNING;</li>
 *   <li>{@code sightline.connector.server.up}: 1 when the server's last check was OK;</li>
 *   <li>{@code sightline.connector.partition.lag}: seconds since the partition's last successful run;</li>
 *   <li>{@code sightline.connector.partition.failures}: failed runs in a row;</li>
 *   <li>{@code sightline.connector.records}: the connector's counters, tag {@code kind}
 *       (e.g. imported, updated, failed).</li>
 * </ul>
 */
@Component
class ConnectorMetrics {

    ConnectorMetrics(ConnectorRegistry registry, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry m = meters.getIfAvailable();
        if (m == null) return;
        for (Connector c : registry.all()) bind(c, m);
    }

    private static void bind(Connector c, MeterRegistry m) {
        HealthTracker h = c.health();
        String name = c.name();
        Gauge.builder("sightline.connector.status", h, t -> t.snapshot().status().answering() ? 1 : 0).tag("connector", name).description("1 when the connector's servers answer").register(m);
        h.addListener(new HealthTracker.Listener() {
            @Override
            public void counterAdded(String partition, String counter, AtomicLong value) {
                FunctionCounter.builder("sightline.connector.records", value, AtomicLong::get)
                        .tags("connector", name, "partition", partition, "kind", counter).register(m);
            }

            @Override
            public void serverAdded(String server) {
                Gauge.builder("sightline.connector.server.up", h, t -> t.snapshot().servers().stream()
                                .anyMatch(s -> s.name().equals(server) && s.status() == ServerStatus.OK) ? 1 : 0)
                        .tags("connector", name, "server", server).register(m);
            }

            @Override
            public void partitionAdded(String partition) {
                TimeGauge.builder("sightline.connector.partition.lag", h, TimeUnit.MILLISECONDS, t -> partition(t, partition)
                                .map(p -> p.lag() == null ? Double.NaN : (double) p.lag().toMillis()).orElse(Double.NaN))
                        .tags("connector", name, "partition", partition).register(m);
                Gauge.builder("sightline.connector.partition.failures", h, t -> partition(t, partition)
                                .map(p -> (double) p.consecutiveFailures()).orElse(0.0))
                        .tags("connector", name, "partition", partition).register(m);
            }
        });
    }

    private static java.util.Optional<PartitionHealth> partition(HealthTracker t, String partition) {
        return t.snapshot().partitions().stream().filter(p -> p.partition().equals(partition)).findFirst();
    }
}
