package io.sightline.server.caselinks;

import io.sightline.server.common.Ids;
import io.sightline.server.timeline.AuditEvents;
import io.sightline.server.timeline.TimelineEvent;
import io.sightline.server.timeline.TimelineSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Links on their case's timeline, read from their audit entries: {@code LinkAdded} and {@code
 * LinkRemoved}, whose details are the link (the linked case's id, number and title, or the URL, and the type).
 */
@Component
class CaseLinkTimeline implements TimelineSource {
    private final AuditEvents audit;

    CaseLinkTimeline(AuditEvents audit) {
        this.audit = audit;
    }

    @Override
    public List<TimelineEvent> eventsOf(long orgId, long caseId, int limit) {
        return audit.entries(orgId, CaseLinkService.AUDIT_ENTITY, List.of(Ids.format(caseId)),
                        List.of(CaseLinkService.LINKED, CaseLinkService.UNLINKED), limit).stream()
                .map(e -> e.action().equals(CaseLinkService.LINKED)
                        ? new TimelineEvent(e.at(), null, "LinkAdded", "Case", e.entityId(), e.after())
                        : new TimelineEvent(e.at(), null, "LinkRemoved", "Case", e.entityId(), e.before()))
                .toList();
    }
}
