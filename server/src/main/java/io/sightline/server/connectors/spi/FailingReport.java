package io.sightline.server.connectors.spi;

import java.time.Instant;

/**
 * A report a syncing connector keeps failing on (Stixify sets one aside after 3 failed runs).
 *
 * @param lastError already scrubbed of the connector's secrets
 */
public record FailingReport(String dossierId, String reportId, String name, int failedRuns, boolean setAside,
                            String lastError, Instant lastFailedAt) {}
