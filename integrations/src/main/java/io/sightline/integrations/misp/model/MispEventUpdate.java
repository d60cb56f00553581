package io.sightline.integrations.misp.model;

import java.time.LocalDate;

/**
 * Changes to an event's metadata ({@code POST /events/edit/{id}}); null fields are left as they are.
 */
public record MispEventUpdate(String info, LocalDate date, Integer threatLevelId, Integer analysis,
                              Integer distribution, Boolean published) {
}
