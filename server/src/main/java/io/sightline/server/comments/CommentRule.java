package io.sightline.server.comments;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;

/**
 * Who may edit or delete a comment: its author, or an administrator of the organisation (a profile
 * that manages the organisation's users: org-admin, or admin). Others who can see the comment
 * are refused with 403, whatever other permissions they have.
 */
public final class CommentRule {
    private CommentRule() {}

    public static boolean mayChange(Principal p, CommentRecord c) {
        return c.createdBy().equals(p.login()) || p.can(Permission.MANAGE_USERS);
    }
}
