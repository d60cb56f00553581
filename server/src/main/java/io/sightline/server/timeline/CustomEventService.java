package io.sightline.server.timeline;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Custom events of the caller's organisation's cases; changing them needs the right to manage cases. */
@Service
public class CustomEventService {
    public static final int MAX_TITLE = 128;
    public static final int MAX_DESCRIPTION = 1_048_576;

    private final CustomEventRepository events;
    private final CaseService cases;
    private final AuditLog audit;
    private final Clock clock;

    public CustomEventService(CustomEventRepository events, CaseService cases, AuditLog audit, Clock clock) {
        this.events = events;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CustomEventRecord create(Principal p, String caseIdOrNumber, NewCustomEvent e) {
        p.require(Permission.MANAGE_CASE);
        long caseId = cases.idOf(p, caseIdOrNumber);
        NewCustomEvent checked = check(e);
        long id = events.insert(p.orgId(), caseId, checked, p.login(), clock.millis());
        CustomEventRecord created = events.findVisible(p, id).orElseThrow();
        audit.record(p, "create", "customEvent", Ids.format(id), null, CustomEventView.of(created));
        return created;
    }

    public CustomEventRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return events.findVisible(p, Ids.parse(id, "CustomEvent"))
                .orElseThrow(() -> new NotFound("Custom event " + id + " not found"));
    }

    @Transactional
    public CustomEventRecord update(Principal p, String id, CustomEventChanges changes) {
        p.require(Permission.MANAGE_CASE);
        CustomEventRecord before = get(p, id);
        NewCustomEvent checked = check(new NewCustomEvent(
                changes.date() != null ? changes.date() : before.date(),
                changes.endDate() != null ? changes.endDate() : before.endDate(),
                changes.title() != null ? changes.title() : before.title(),
                changes.description() == null ? before.description()
                        : changes.description().isEmpty() ? null : changes.description()));
        events.update(new CustomEventRecord(before.id(), before.orgId(), before.caseId(), checked.date(), checked.endDate(),
                checked.title(), checked.description(), before.createdBy(), before.createdAt(), p.login(), clock.millis()));
        CustomEventRecord after = get(p, id);
        audit.record(p, "update", "customEvent", Ids.format(after.id()), CustomEventView.of(before), CustomEventView.of(after));
        return after;
    }

    @Transactional
    public void delete(Principal p, String id) {
        p.require(Permission.MANAGE_CASE);
        CustomEventRecord e = get(p, id);
        events.delete(e.id());
        audit.record(p, "delete", "customEvent", Ids.format(e.id()), CustomEventView.of(e), null);
    }

    /**
     * Moves the custom timeline events of one case of the caller's organisation to another (a case merge), as
     * one statement; each is audited as an update naming both cases.
     */
    @Transactional
    public void moveToCase(Principal p, long fromCaseId, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        java.util.List<Long> moved = events.moveToCase(p.orgId(), fromCaseId, toCaseId);
        audit.recordMoves(p, "customEvent", moved, fromCaseId, toCaseId);
    }

    private static NewCustomEvent check(NewCustomEvent e) {
        if (e.title() == null || e.title().isBlank()) throw new Invalid("Field title of custom event must not be empty");
        if (e.title().length() > MAX_TITLE) {
            throw new Invalid("Field title of custom event is too long (" + e.title().length() + " characters, at most " + MAX_TITLE + ")");
        }
        if (e.endDate() != null && e.endDate() < e.date()) throw new Invalid("Field endDate of custom event is before its date");
        return e;
    }
}
