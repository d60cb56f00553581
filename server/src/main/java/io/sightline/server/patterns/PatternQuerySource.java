package io.sightline.server.patterns;

import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The platform-wide ATT&CK catalogue in {@code /api/v1/query}: {@code listPattern} and {@code getPattern} ("~id" or ATT&CK id). */
@Component
class PatternQuerySource implements QuerySource {
    private final PatternRepository patterns;

    PatternQuerySource(PatternRepository patterns) {
        this.patterns = patterns;
    }

    @Override public String entity() { return "pattern"; }
    @Override public String label() { return "Pattern"; }
    @Override public String table() { return "attack_pattern"; }
    @Override public String listStep() { return "listPattern"; }
    @Override public Optional<String> getStep() { return Optional.of("getPattern"); }

    @Override
    public List<QueryField> fields() {
        return List.of(QueryField.column("_id", "id", Kind.ID),
                QueryField.column("_createdAt", "created_at", Kind.NUMBER),
                QueryField.column("_updatedAt", "updated_at", Kind.NUMBER),
                QueryField.column("patternId", "pattern_id", Kind.STRING),
                QueryField.column("name", "name", Kind.STRING),
                QueryField.column("description", "description", Kind.STRING),
                QueryField.column("tactics", "tactics", Kind.STRING),
                QueryField.column("url", "url", Kind.STRING));
    }

    @Override
    public SqlCondition scope(long orgId) {
        return SqlCondition.ALWAYS;
    }

    @Override
    public Optional<SqlCondition> byIdOrName(String idOrName) {
        if (idOrName.startsWith("~")) return QuerySource.super.byIdOrName(idOrName);
        return Optional.of(SqlCondition.of("t.pattern_id = ?", idOrName.toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, patterns.byIds(ids), PatternRecord::id).stream().map(PatternView::of).toList();
    }
}
