package io.sightline.server.directory;

import io.sightline.server.auth.User;
import io.sightline.server.auth.ApiKeyService;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.auth.UserView;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The members of the caller's organisation in {@code /api/v1/query} ({@code listUser}), as
 * {@code GET /api/v1/user} lists them; and the users a case, an alert or a task may be assigned to
 * ({@code assignableUsers}).
 */
@Component
class UserQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = List.of(
            QueryField.column("_id", "id", Kind.ID),
            QueryField.column("_createdAt", "created_at", Kind.NUMBER),
            QueryField.column("login", "login", Kind.STRING),
            QueryField.column("name", "name", Kind.STRING),
            QueryField.column("locked", "locked", Kind.BOOLEAN));

    private final UserRepository users;
    private final ApiKeyService keys;

    UserQuerySource(UserRepository users, ApiKeyService keys) {
        this.keys = keys;
        this.users = users;
    }

    @Override public String entity() { return "user"; }
    @Override public String label() { return "User"; }
    @Override public String table() { return "app_user"; }
    @Override public String listStep() { return "listUser"; }
    @Override public List<QueryField> fields() { return FIELDS; }

    @Override
    public SqlCondition scope(long orgId) {
        return SqlCondition.of("t.id IN (SELECT m.user_id FROM membership m WHERE m.org_id = ?)", orgId);
    }

    /**
     * {@code assignableUsers} of a case, an alert or a task: the members of its organisation, whom
     * the services accept as its assignee, except locked accounts (which cannot work on it). The
     * three tables are named in SQL only: their packages sit above this one.
     */
    @Override
    public List<QueryLink> linksIn() {
        return List.of(assignable("case", "case_record"), assignable("alert", "alert"), assignable("task", "task"));
    }

    private static QueryLink assignable(String from, String table) {
        return new QueryLink("assignableUsers", from, "t.locked = FALSE AND t.id IN (SELECT m.user_id FROM membership m WHERE m.org_id IN "
                + "(SELECT s.org_id FROM " + table + " s WHERE s.id IN (" + QueryLink.PARENTS + ")))");
    }

    @Override
    public List<?> views(List<Long> ids) {
        List<User> found = ids.stream().flatMap(id -> users.findById(id).stream()).toList();
        return found.stream().map(u -> UserView.of(u, users.memberships(u.id()), null, keys.hasUsableKey(u.id()))).toList();
    }
}
