package io.sightline.server.timeline;

import java.util.List;

/**
 * Events another package adds to case timelines. The case has been checked to be the caller's
 * organisation's; a source answers at most {@code limit} events, the most recent ones.
 */
public interface TimelineSource {
    List<TimelineEvent> eventsOf(long orgId, long caseId, int limit);
}
