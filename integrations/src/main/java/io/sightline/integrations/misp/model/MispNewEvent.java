package io.sightline.integrations.misp.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An event to create in MISP ({@code POST /events}).
 *
 * @param info          title
 * @param date          event date
 * @param threatLevelId 1 High .. 4 Undefined
 * @param analysis      0 Initial, 1 Ongoing, 2 Completed
 * @param distribution  0 Your organisation only .. 3 All communities
 * @param published     publish at once
 * @param tags          event tag names (TLP included)
 * @param attributes    attributes created with the event
 * @param extendsUuid   uuid of an event this one extends, or null
 */
public record MispNewEvent(String info, LocalDate date, int threatLevelId, int analysis, int distribution,
                           boolean published, List<String> tags, List<MispNewAttribute> attributes,
                           String extendsUuid) {

    public MispNewEvent {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(date, "date");
        tags = tags == null ? List.of() : List.copyOf(tags);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }
}
