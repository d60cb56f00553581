package io.sightline.server.directory;

import io.sightline.server.auth.Organisation;
import io.sightline.server.auth.OrganisationRepository;
import io.sightline.server.auth.OrganisationView;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Organisations in {@code /api/v1/query} ({@code listOrganisation}, {@code getOrganisation} by
 * name or id). They are platform-wide: a platform admin sees them all, anyone else the
 * organisations they belong to, as {@code GET /api/v1/organisation/{name}} does.
 */
@Component
class OrganisationQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = List.of(
            QueryField.column("_id", "id", Kind.ID),
            QueryField.column("_createdAt", "created_at", Kind.NUMBER),
            QueryField.column("name", "name", Kind.STRING),
            QueryField.column("description", "description", Kind.STRING));

    private final OrganisationRepository orgs;

    OrganisationQuerySource(OrganisationRepository orgs) {
        this.orgs = orgs;
    }

    @Override public String entity() { return "organisation"; }
    @Override public String label() { return "Organisation"; }
    @Override public String table() { return "organisation"; }
    @Override public String listStep() { return "listOrganisation"; }
    @Override public Optional<String> getStep() { return Optional.of("getOrganisation"); }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** Without the caller's rights only the organisation acted in is certain to be visible. */
    @Override
    public SqlCondition scope(long orgId) {
        return SqlCondition.of("t.id = ?", orgId);
    }

    @Override
    public SqlCondition scope(Principal caller) {
        if (caller.can(Permission.MANAGE_PLATFORM)) return SqlCondition.ALWAYS;
        return SqlCondition.of("t.id IN (SELECT m.org_id FROM membership m WHERE m.user_id = ?)", caller.userId());
    }

    @Override
    public Optional<SqlCondition> byIdOrName(String idOrName) {
        if (idOrName.startsWith("~")) return QuerySource.super.byIdOrName(idOrName);
        return Optional.of(SqlCondition.of("t.name = ?", idOrName));
    }

    @Override
    public List<?> views(List<Long> ids) {
        List<Organisation> found = ids.stream().flatMap(id -> orgs.findById(id).stream()).toList();
        return found.stream().map(OrganisationView::of).toList();
    }
}
