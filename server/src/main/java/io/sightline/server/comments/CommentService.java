package io.sightline.server.comments;

import io.sightline.server.alerts.AlertService;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Slice;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on the caller's organisation's cases and alerts. A case, alert or comment of another
 * organisation, or of a case hidden from the caller, is not found; editing and deleting follow {@link CommentRule}.
 */
@Service
public class CommentService {
    private final CommentRepository comments;
    private final CaseService cases;
    private final AlertService alerts;
    private final AuditLog audit;
    private final Clock clock;

    public CommentService(CommentRepository comments, CaseService cases, AlertService alerts, AuditLog audit, Clock clock) {
        this.comments = comments;
        this.cases = cases;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CommentRecord addToCase(Principal p, String caseIdOrNumber, NewComment comment) {
        p.require(Permission.MANAGE_COMMENT);
        return add(p, cases.idOf(p, caseIdOrNumber), null, comment);
    }

    @Transactional
    public CommentRecord addToAlert(Principal p, String alertId, NewComment comment) {
        p.require(Permission.MANAGE_COMMENT);
        return add(p, null, alerts.get(p, alertId).id(), comment);
    }

    /**
     * Moves the comments of one case of the caller's organisation to another (a case merge), as
     * one statement; each is audited as an update naming both cases.
     */
    @Transactional
    public void moveToCase(Principal p, long fromCaseId, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        java.util.List<Long> moved = comments.moveToCase(p.orgId(), fromCaseId, toCaseId);
        audit.recordMoves(p, "comment", moved, fromCaseId, toCaseId);
    }

    private CommentRecord add(Principal p, Long caseId, Long alertId, NewComment comment) {
        CommentRecord c = new CommentRecord(0, p.orgId(), caseId, alertId, comment.message(), comment.external(), false,
                p.login(), clock.millis(), null, null);
        CommentRecord created = c.withId(comments.insert(c));
        audit.record(p, "create", "comment", Ids.format(created.id()), null, CommentView.of(created));
        return created;
    }

    public CommentRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return comments.findVisible(p, Ids.parse(id, "Comment"))
                .orElseThrow(() -> new NotFound("Comment " + id + " not found"));
    }

    public List<CommentRecord> ofCase(Principal p, String caseIdOrNumber) {
        return comments.ofCase(cases.idOf(p, caseIdOrNumber));
    }

    /**
     * One page of the case's conversation: page 1 is the newest {@code size} comments, page 2 those
     * before them, each read oldest first; a page past the end is the oldest one.
     */
    public Slice<CommentRecord> pageOfCase(Principal p, String caseIdOrNumber, int page, int size) {
        long caseId = cases.idOf(p, caseIdOrNumber);
        long total = comments.countOfCase(caseId);
        int current = Slice.clamp(page, total, size);
        return new Slice<>(comments.latestOfCase(caseId, Slice.offset(current, size), size), total, current, size);
    }

    /** One page of the alert's conversation, paged as {@link #pageOfCase}. */
    public Slice<CommentRecord> pageOfAlert(Principal p, String alertId, int page, int size) {
        long id = alerts.get(p, alertId).id();
        long total = comments.countOfAlert(id);
        int current = Slice.clamp(page, total, size);
        return new Slice<>(comments.latestOfAlert(id, Slice.offset(current, size), size), total, current, size);
    }

    public List<CommentRecord> ofAlert(Principal p, String alertId) {
        return comments.ofAlert(alerts.get(p, alertId).id());
    }

    @Transactional
    public CommentRecord update(Principal p, String id, CommentChange change) {
        CommentRecord before = changeable(p, id);
        CommentRecord after = before.rewritten(change.message(), p.login(), clock.millis());
        comments.update(after);
        audit.record(p, "update", "comment", Ids.format(after.id()), CommentView.of(before), CommentView.of(after));
        return after;
    }

    @Transactional
    public void delete(Principal p, String id) {
        CommentRecord c = changeable(p, id);
        comments.delete(c.id());
        audit.record(p, "delete", "comment", Ids.format(c.id()), CommentView.of(c), null);
    }

    private CommentRecord changeable(Principal p, String id) {
        p.require(Permission.MANAGE_COMMENT);
        CommentRecord c = get(p, id);
        if (!CommentRule.mayChange(p, c)) {
            throw new Forbidden("Operation not allowed: only the author of comment " + id
                    + " or an administrator of the organisation may change it");
        }
        return c;
    }
}
