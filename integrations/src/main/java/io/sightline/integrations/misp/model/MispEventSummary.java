package io.sightline.integrations.misp.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The metadata of a MISP event without its attributes: one element of {@code POST /events/index}
 * or the header of a full event ({@code GET /events/view/{id}}).
 *
 * <p>MISP sends most numbers as strings; they are parsed leniently. Fields that the source did not
 * carry are null (objects), {@code 0} (timestamps) or the documented default.
 *
 * @param id               numeric event id on that server; null in feed exports
 * @param uuid             event uuid, stable across MISP servers (the identity to deduplicate on)
 * @param info             the event title
 * @param date             the event date (day precision), null if absent
 * @param timestamp        last modification, epoch seconds (the incremental-sync cursor)
 * @param publishTimestamp last publication, epoch seconds; 0 when never published
 * @param published        whether the event is published
 * @param distribution     0..4 (see MISP), null if absent
 * @param threatLevelId    1 High, 2 Medium, 3 Low, 4 Undefined (4 when absent)
 * @param analysis         0 Initial, 1 Ongoing, 2 Completed (0 when absent)
 * @param attributeCount   {@code attribute_count} as reported by MISP, null if absent
 * @param org              owner organisation on that server ({@code Org}), may be null
 * @param orgc             creator organisation ({@code Orgc}), may be null
 * @param tags             event tags in source order
 * @param extendsUuid      uuid of the event this one extends, null if none
 */
public record MispEventSummary(String id, String uuid, String info, LocalDate date, long timestamp,
                               long publishTimestamp, boolean published, Integer distribution,
                               int threatLevelId, int analysis, Integer attributeCount, MispOrg org,
                               MispOrg orgc, List<MispTag> tags, String extendsUuid) {

    public MispEventSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The last modification as an instant. */
    public Instant modifiedAt() {
        return Instant.ofEpochSecond(timestamp);
    }

    /** The event id if the server gave one, else the uuid: what MISP accepts in {@code /events/view/}. */
    public String idOrUuid() {
        return id != null && !id.isEmpty() ? id : uuid;
    }

    /** Tag names in source order. */
    public List<String> tagNames() {
        return tags.stream().map(MispTag::name).toList();
    }
}
