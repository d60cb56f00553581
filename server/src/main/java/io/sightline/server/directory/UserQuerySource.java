package io.sightline.server.directory;

import io.sightline.server.auth.User;
import io.sightline.server.auth.ApiKeyService;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.auth.UserView;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import org.springframework.stereotype.Component;

/** The members of the caller's organisation in {@code /api/v1/query} ({@code listUser}), as {@code GET /api/v1/user} lists them. */
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

    @Override
    public List<?> views(List<Long> ids) {
        List<User> found = ids.stream().flatMap(id -> users.findById(id).stream()).toList();
        return found.stream().map(u -> UserView.of(u, users.memberships(u.id()), null, keys.hasUsableKey(u.id()))).toList();
    }
}
