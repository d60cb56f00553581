package io.sightline.server.caselinks;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.timeline.AuditEvents;
import io.sightline.server.timeline.TimelineEvent;
import io.sightline.server.timeline.TimelineSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Links on their case's timeline, read from their audit entries: {@code LinkAdded} and {@code
 * LinkRemoved}, whose details are the link (the linked case's id, number and title, or the URL, and the type);
 * a link to a case hidden from the caller is left out, as its case is.
 */
@Component
class CaseLinkTimeline implements TimelineSource {
    private final AuditEvents audit;
    private final CaseService cases;

    CaseLinkTimeline(AuditEvents audit, CaseService cases) {
        this.audit = audit;
        this.cases = cases;
    }

    @Override
    public List<TimelineEvent> eventsOf(Principal caller, long caseId, int limit) {
        List<TimelineEvent> events = audit.entries(caller.orgId(), CaseLinkService.AUDIT_ENTITY, List.of(Ids.format(caseId)),
                        List.of(CaseLinkService.LINKED, CaseLinkService.UNLINKED), limit).stream()
                .map(e -> e.action().equals(CaseLinkService.LINKED)
                        ? new TimelineEvent(e.at(), null, "LinkAdded", "Case", e.entityId(), e.after())
                        : new TimelineEvent(e.at(), null, "LinkRemoved", "Case", e.entityId(), e.before()))
                .toList();
        Set<Long> seen = cases.visibleAmong(caller, events.stream().map(CaseLinkTimeline::linkedCase).filter(Objects::nonNull).toList());
        return events.stream().filter(e -> linkedCase(e) == null || seen.contains(linkedCase(e))).toList();
    }

    /** The id of the case an event's link names, null for a link to a URL. */
    private static Long linkedCase(TimelineEvent e) {
        return e.details() != null && e.details().get("caseId") instanceof String id ? Ids.parse(id, "Case") : null;
    }
}
