package io.sightline.server.timeline;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * A case's timeline: its automatic events, its custom events and those of every {@link TimelineSource},
 * most recent first, at most one page ({@link #DEFAULT_LIMIT} unless asked, never more than {@link #MAX_LIMIT}).
 */
@Service
public class TimelineService {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 2000;
    private static final Comparator<TimelineEvent> NEWEST_FIRST = Comparator.comparingLong(TimelineEvent::date).reversed()
            .thenComparing(TimelineEvent::entity).thenComparing(TimelineEvent::entityId);

    private final CaseService cases;
    private final TimelineRepository automatic;
    private final CustomEventRepository custom;
    private final ObjectProvider<TimelineSource> sources;

    public TimelineService(CaseService cases, TimelineRepository automatic, CustomEventRepository custom,
                           ObjectProvider<TimelineSource> sources) {
        this.cases = cases;
        this.automatic = automatic;
        this.custom = custom;
        this.sources = sources;
    }

    public List<TimelineEvent> of(Principal p, String caseIdOrNumber, int limit) {
        p.require(Permission.READ);
        if (limit < 1 || limit > MAX_LIMIT) throw new Invalid("A timeline holds 1 to " + MAX_LIMIT + " events, not " + limit);
        long caseId = cases.idOf(p, caseIdOrNumber);
        List<TimelineEvent> events = new ArrayList<>(automatic.caseEvents(caseId));
        events.addAll(automatic.observables(caseId, limit));
        events.addAll(automatic.alerts(caseId, limit));
        events.addAll(automatic.analyzerJobs(caseId, limit));
        events.addAll(automatic.procedures(caseId, limit));
        for (CustomEventRecord e : custom.ofCase(caseId, limit)) {
            events.add(new TimelineEvent(e.date(), e.endDate(), "CustomEvent", "CustomEvent", Ids.format(e.id()),
                    TimelineRepository.details("title", e.title(), "description", e.description())));
        }
        for (TimelineSource source : sources.orderedStream().toList()) events.addAll(source.eventsOf(p, caseId, limit));
        events.sort(NEWEST_FIRST);
        return events.size() > limit ? events.subList(0, limit) : events;
    }
}
