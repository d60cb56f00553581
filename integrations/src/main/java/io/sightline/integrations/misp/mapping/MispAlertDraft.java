package io.sightline.integrations.misp.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A neutral alert built from one MISP event, in TheHive's shape; the hub persists it.
 *
 * @param type          always {@code misp}
 * @param source        who the alert comes from (the MISP organisation name of the API key, or
 *                      the server name, as the hub is configured)
 * @param sourceRef     the MISP event id (TheHive's key), or the uuid when the source has no id
 * @param eventUuid     the MISP event uuid, stable across servers: the identity to deduplicate on
 * @param title         {@code #<id> <info>}
 * @param description   {@code Imported from MISP Event #<id>, created at <date>}
 * @param severity      1 low .. 3 high, from {@code threat_level_id} (2 when undefined)
 * @param date          the event date, null if absent
 * @param eventModified the event's {@code timestamp} (the sync cursor)
 * @param lastSyncDate  the event's {@code publish_timestamp} (epoch when never published)
 * @param tags          {@code src:<creator org>}, the event tags, then the configured extra tags
 * @param tlp           0..3 from the event's TLP tag, {@link MispTlp#DEFAULT_TLP} when none
 * @param pap           0..3 from the event's PAP tag, {@link MispTlp#DEFAULT_PAP} when none
 * @param externalLink  {@code <url>/events/view/<id>}, null when the event has no id
 */
public record MispAlertDraft(String type, String source, String sourceRef, String eventUuid,
                             String title, String description, int severity, LocalDate date,
                             Instant eventModified, Instant lastSyncDate, List<String> tags, int tlp,
                             int pap, String externalLink) {

    public MispAlertDraft {
        tags = List.copyOf(tags);
    }
}
