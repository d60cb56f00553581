package io.sightline.server.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tags of cases, alerts and observables, one row per tag so that tag filters use an index. */
@Repository
public class TagRepository {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SqlDialect dialect;

    public TagRepository(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    public void replace(String entity, long id, Collection<String> tags) {
        jdbc.sql("DELETE FROM entity_tag WHERE entity = ? AND entity_id = ?").params(entity, id).update();
        add(entity, id, tags);
    }

    /** Adds tags an entity may already have, in one batch. */
    public void add(String entity, long id, Collection<String> tags) {
        if (tags.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>();
        if (dialect.postgres()) {
            // ON CONFLICT looks the tag up by the primary key: a NOT EXISTS subquery, planned once for
            // any parameters, may scan every entity carrying the same tag instead.
            for (String tag : new LinkedHashSet<>(tags)) rows.add(new Object[] {entity, id, tag});
            template.batchUpdate("INSERT INTO entity_tag (entity, entity_id, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", rows);
            return;
        }
        for (String tag : new LinkedHashSet<>(tags)) rows.add(new Object[] {entity, id, tag, entity, id, tag});
        template.batchUpdate("INSERT INTO entity_tag (entity, entity_id, tag) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM entity_tag WHERE entity = ? AND entity_id = ? AND tag = ?)", rows);
    }

    /** Tags of an entity created in the current transaction (so holding none yet): one batch, no checks. */
    public void addToNew(String entity, long id, Collection<String> tags) {
        if (tags.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>();
        for (String tag : new LinkedHashSet<>(tags)) rows.add(new Object[] {entity, id, tag});
        template.batchUpdate("INSERT INTO entity_tag (entity, entity_id, tag) VALUES (?, ?, ?)", rows);
    }

    public List<String> of(String entity, long id) {
        return jdbc.sql("SELECT tag FROM entity_tag WHERE entity = ? AND entity_id = ? ORDER BY tag")
                .params(entity, id).query(String.class).list();
    }

    /** Tags of many entities in one query, for list pages. */
    public Map<Long, List<String>> of(String entity, Collection<Long> ids) {
        Map<Long, List<String>> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            jdbc.sql("SELECT entity_id, tag FROM entity_tag WHERE entity = :entity AND entity_id IN (:ids) ORDER BY tag")
                    .param("entity", entity).param("ids", chunk)
                    .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
        }
        return out;
    }

    public void deleteAll(String entity, long id) {
        jdbc.sql("DELETE FROM entity_tag WHERE entity = ? AND entity_id = ?").params(entity, id).update();
    }

    /** Cleans tags of several entities, e.g. the observables of a deleted case. */
    public void deleteAll(String entity, String idSubquery, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = entity;
        System.arraycopy(params, 0, all, 1, params.length);
        jdbc.sql("DELETE FROM entity_tag WHERE entity = ? AND entity_id IN (" + idSubquery + ")").params(all).update();
    }

    /** Normalises user input: trimmed, non-empty, duplicates removed, order kept. */
    public static List<String> clean(Collection<String> tags) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            String s = t.trim();
            if (!s.isEmpty()) out.add(s);
        }
        return List.copyOf(out);
    }
}
