package io.sightline.server.connectors.misp.importing;

import io.sightline.server.alerts.AlertBatchInsert;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: creates the alerts of many events at once (the first import of a server brings
 * thousands): the alert rows and their tags through {@link AlertBatchInsert} (two statements), their
 * {@code misp_alert} rows in one more, instead of a handful of statements per alert. An alert that
 * already exists is left alone and reported missing, for the caller's update path.
 */
final class PostgresAlertWriter {
    /** A new alert and the MISP event it comes from. */
    record NewAlert(AlertBatchInsert.Row alert, String server, String eventUuid) {}

    private static final String MISP_ALERTS = """
            INSERT INTO misp_alert (alert_id, server, event_uuid, event_id, event_timestamp, misp_tags, synced_at)
            SELECT v.id, v.server, v.uuid, v.ref, -1, v.tags, ?
            FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) AS v(id, server, uuid, ref, tags)""";

    private final JdbcTemplate jdbc;
    private final AlertBatchInsert alertRows;

    PostgresAlertWriter(JdbcTemplate jdbc, AlertBatchInsert alertRows) {
        this.jdbc = jdbc;
        this.alertRows = alertRows;
    }

    /**
     * Inserts the alerts that do not exist yet, with their tags and MISP link.
     *
     * @return the id of each alert created, by its position in {@code alerts}; alerts that existed are absent
     */
    Map<Integer, Long> create(List<NewAlert> alerts, String actor, long now) {
        if (alerts.isEmpty()) return Map.of();
        Map<Integer, Long> created = alertRows.create(alerts.stream().map(NewAlert::alert).toList(), actor, now);
        if (created.isEmpty()) return created;
        return jdbc.execute((ConnectionCallback<Map<Integer, Long>>) c -> {
            int m = created.size(), j = 0;
            long[] id = new long[m];
            String[] server = new String[m], uuid = new String[m], eventRef = new String[m], mispTags = new String[m];
            for (var e : created.entrySet()) {
                NewAlert a = alerts.get(e.getKey());
                id[j] = e.getValue();
                server[j] = a.server();
                uuid[j] = a.eventUuid();
                eventRef[j] = a.alert().sourceRef();
                mispTags[j++] = String.join("\n", a.alert().tags());
            }
            try (PreparedStatement ps = c.prepareStatement(MISP_ALERTS)) {
                ps.setLong(1, now);
                ps.setObject(2, id);
                ps.setArray(3, c.createArrayOf("varchar", server));
                ps.setArray(4, c.createArrayOf("varchar", uuid));
                ps.setArray(5, c.createArrayOf("varchar", eventRef));
                ps.setArray(6, c.createArrayOf("varchar", mispTags));
                ps.executeUpdate();
            }
            return created;
        });
    }
}
