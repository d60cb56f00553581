package io.sightline.server.timeline;

import io.sightline.server.auth.Principal;
import java.util.List;

/**
 * Events another package adds to case timelines. The case has been checked to be one the caller
 * sees; a source answers at most {@code limit} events, the most recent ones, and names no other
 * case hidden from the caller.
 */
public interface TimelineSource {
    List<TimelineEvent> eventsOf(Principal caller, long caseId, int limit);
}
