package io.sightline.server.connectors.misp.exporting;

import java.util.List;

/**
 * A case's event on one MISP server with every export of it, oldest first.
 *
 * @param url the event's page on the server, or null when the server is no longer configured
 */
public record CaseExport(String server, String eventId, String eventUuid, String url, long firstExportedAt,
                         long lastExportedAt, List<Run> runs) {

    /** One export of a case: what it created, added, deleted and uploaded, and what it could not send. */
    public record Run(long at, String by, boolean createdEvent, int added, int deleted, int samples, List<String> skipped) {}
}
