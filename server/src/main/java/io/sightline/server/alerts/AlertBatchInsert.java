package io.sightline.server.alerts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL: many new alerts at once (an importing connector's first run brings thousands): the
 * alert rows and their tags in two statements, the rows passed as arrays and {@code unnest}ed,
 * instead of a handful of statements per alert. An alert that already exists is left alone
 * ({@code ON CONFLICT DO NOTHING}) and reported missing, for the caller's update path. Runs in
 * the caller's transaction.
 */
@Component
public class AlertBatchInsert {
    /** A new alert, status New, unread, followed, not flagged. */
    public record Row(long orgId, String type, String source, String sourceRef, String externalLink, String title,
                           String description, int severity, long date, int tlp, int pap, List<String> tags) {}

    private static final String ALERTS = """
            INSERT INTO alert (org_id, type, source, source_ref, external_link, title, description, severity, alert_date,
              tlp, pap, flag, status, is_read, follow, created_by, created_at)
            SELECT v.org, v.type, v.source, v.ref, v.link, v.title, v.description, v.severity, v.date, v.tlp, v.pap,
              FALSE, 'New', FALSE, TRUE, ?, ?
            FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
              ?::int[], ?::bigint[], ?::int[], ?::int[]) AS v(org, type, source, ref, link, title, description, severity,
              date, tlp, pap)
            ON CONFLICT (org_id, type, source, source_ref) DO NOTHING
            RETURNING id, org_id, type, source, source_ref""";
    private static final String TAGS = """
            INSERT INTO entity_tag (entity, entity_id, tag)
            SELECT 'alert', t.id, t.tag FROM unnest(?::bigint[], ?::varchar[]) AS t(id, tag)""";

    private final JdbcTemplate jdbc;

    AlertBatchInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the alerts that do not exist yet, with their tags.
     *
     * @return the id of each alert created, by its position in {@code alerts}; alerts that existed are absent
     */
    public Map<Integer, Long> create(List<Row> alerts, String actor, long now) {
        if (alerts.isEmpty()) return Map.of();
        return jdbc.execute((ConnectionCallback<Map<Integer, Long>>) c -> {
            int n = alerts.size();
            long[] org = new long[n], date = new long[n];
            String[] type = new String[n], source = new String[n], ref = new String[n], link = new String[n];
            String[] title = new String[n], description = new String[n];
            int[] severity = new int[n], tlp = new int[n], pap = new int[n];
            Map<String, Integer> position = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                Row a = alerts.get(i);
                org[i] = a.orgId();
                type[i] = a.type();
                source[i] = a.source();
                ref[i] = a.sourceRef();
                link[i] = a.externalLink();
                title[i] = a.title();
                description[i] = a.description();
                severity[i] = a.severity();
                date[i] = a.date();
                tlp[i] = a.tlp();
                pap[i] = a.pap();
                position.putIfAbsent(key(a.orgId(), a.type(), a.source(), a.sourceRef()), i);
            }
            Map<Integer, Long> created = new HashMap<>(n * 2);
            try (PreparedStatement ps = c.prepareStatement(ALERTS)) {
                int p = 1;
                ps.setString(p++, actor);
                ps.setLong(p++, now);
                ps.setObject(p++, org);
                ps.setArray(p++, c.createArrayOf("varchar", type));
                ps.setArray(p++, c.createArrayOf("varchar", source));
                ps.setArray(p++, c.createArrayOf("varchar", ref));
                ps.setArray(p++, c.createArrayOf("varchar", link));
                ps.setArray(p++, c.createArrayOf("varchar", title));
                ps.setArray(p++, c.createArrayOf("varchar", description));
                ps.setObject(p++, severity);
                ps.setObject(p++, date);
                ps.setObject(p++, tlp);
                ps.setObject(p, pap);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer at = position.get(key(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                        if (at != null) created.put(at, rs.getLong(1));
                    }
                }
            }
            List<Long> tagAlert = new ArrayList<>();
            List<String> tagName = new ArrayList<>();
            created.forEach((at, id) -> {
                for (String t : alerts.get(at).tags()) {
                    tagAlert.add(id);
                    tagName.add(t);
                }
            });
            if (!tagAlert.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(TAGS)) {
                    ps.setObject(1, tagAlert.stream().mapToLong(Long::longValue).toArray());
                    ps.setArray(2, c.createArrayOf("varchar", tagName.toArray(String[]::new)));
                    ps.executeUpdate();
                }
            }
            return created;
        });
    }

    private static String key(long org, String type, String source, String ref) {
        return org + "\0" + type + "\0" + source + "\0" + ref;
    }
}
