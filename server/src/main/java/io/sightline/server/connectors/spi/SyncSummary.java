package io.sightline.server.connectors.spi;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a syncing connector (Stixify) publishes beyond TheHive's fields: what an operator of the
 * sync looks for first. Absent ({@code null} in {@link ConnectorHealth#sync()}) for connectors
 * that publish only their servers.
 *
 * @param stalestLag     the lag of the partition furthest behind, if any partition succeeded
 * @param latestError    the partition whose error is the most recent, if any failed
 * @param failingReports reports recorded as failing, set aside or still retried
 */
public record SyncSummary(Optional<Duration> stalestLag, Optional<PartitionHealth> latestError,
                          List<FailingReport> failingReports) {

    public static SyncSummary of(List<PartitionHealth> partitions, List<FailingReport> failingReports) {
        return new SyncSummary(
                partitions.stream().map(PartitionHealth::lag).filter(Objects::nonNull).max(Duration::compareTo),
                partitions.stream().filter(p -> p.lastErrorAt() != null).max(Comparator.comparing(PartitionHealth::lastErrorAt)),
                List.copyOf(failingReports));
    }
}
