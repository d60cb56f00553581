package io.sightline.server.directory;

import io.sightline.server.auth.profiles.ProfileRecord;
import io.sightline.server.auth.profiles.ProfileRepository;
import io.sightline.server.auth.profiles.ProfileView;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import org.springframework.stereotype.Component;

/** Profiles, built-in and custom, in {@code /api/v1/query}: platform-wide, as {@code GET /api/v1/profile}. */
@Component
class ProfileQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.column("name", "name", Kind.STRING));

    private final ProfileRepository profiles;

    ProfileQuerySource(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    @Override public String entity() { return "profile"; }
    @Override public String label() { return "Profile"; }
    @Override public String table() { return "profile"; }
    @Override public String listStep() { return "listProfile"; }
    @Override public List<QueryField> fields() { return FIELDS; }
    @Override public SqlCondition scope(long orgId) { return SqlCondition.ALWAYS; }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, profiles.byIds(ids), ProfileRecord::id).stream().map(ProfileView::of).toList();
    }
}
