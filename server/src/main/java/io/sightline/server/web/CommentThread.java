package io.sightline.server.web;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.comments.CommentRecord;
import io.sightline.server.comments.CommentRule;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Slice;
import java.util.List;

/**
 * One page of the comments of a case or an alert as {@code templates/comments.html} shows them, the
 * newest page first: the same thread on the case's Notes tab and on the alert page.
 *
 * @param base    the page of what is commented ({@code /cases/12}, {@code /alerts/7}); the thread's routes hang under it
 * @param typed   what the new-comment form holds again after a refusal, with the refusal at its field
 */
public record CommentThread(String base, List<Row> comments, Slice<CommentRecord> shown, boolean mayComment,
                            String typed, FormErrors errors) {
    /** A comment with whether the caller may change it ({@link CommentRule}). */
    public record Row(String id, String author, long at, String message, boolean edited, boolean mayChange) {}

    /** Comments per page: a case or an alert may hold thousands. */
    static final int PER_PAGE = 50;

    static CommentThread of(Principal p, String base, Slice<CommentRecord> shown) {
        boolean mayComment = p.can(Permission.MANAGE_COMMENT);
        List<Row> rows = shown.items().stream().map(c -> new Row(Ids.format(c.id()), c.createdBy(), c.createdAt(),
                c.message(), c.edited(), mayComment && CommentRule.mayChange(p, c))).toList();
        return new CommentThread(base, rows, shown, mayComment, "", FormErrors.none());
    }

    /** The thread with the new-comment form holding what was typed and why it was refused. */
    CommentThread refused(String text, FormErrors why) {
        return new CommentThread(base, comments, shown, mayComment, text, why);
    }
}
