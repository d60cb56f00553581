package io.sightline.server.timeline;

import java.util.Map;

/**
 * One event of a case's timeline, as TheHive 5's OutputTimelineEvent.
 *
 * @param kind what happened, e.g. {@code CaseCreated}, {@code ObservableCreated}, {@code CustomEvent}
 * @param entity the type of the object it happened to ({@code Case}, {@code Observable}…)
 * @param entityId that object's "~id"
 * @param endDate null for an instant
 */
public record TimelineEvent(long date, Long endDate, String kind, String entity, String entityId,
                            Map<String, Object> details) {}
