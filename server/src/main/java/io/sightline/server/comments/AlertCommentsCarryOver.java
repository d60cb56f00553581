package io.sightline.server.comments;

import io.sightline.server.alerts.AlertCarryOver;
import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.common.Ids;
import org.springframework.stereotype.Component;

/**
 * An imported alert's comments, copied onto its case with their author, date and edited mark, so
 * the conversation reads the same there; the alert keeps its own.
 */
@Component
class AlertCommentsCarryOver implements AlertCarryOver {
    private final CommentRepository comments;
    private final AuditLog audit;

    AlertCommentsCarryOver(CommentRepository comments, AuditLog audit) {
        this.comments = comments;
        this.audit = audit;
    }

    @Override
    public void carry(Principal p, AlertRecord alert, CaseRecord target) {
        for (CommentRecord c : comments.ofAlert(alert.id())) {
            CommentRecord copy = new CommentRecord(0, target.orgId(), target.id(), null, c.message(), c.external(), c.edited(),
                    c.createdBy(), c.createdAt(), c.updatedBy(), c.updatedAt());
            long id = comments.insert(copy);
            if (c.edited()) comments.update(copy.withId(id));
            audit.record(p, "create", "comment", Ids.format(id), null, CommentView.of(copy.withId(id)));
        }
    }
}
