package io.sightline.server.connectors.misp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: a whole batch in one statement per table, the rows passed as arrays and
 * {@code unnest}ed, with {@code ON CONFLICT} doing the upsert; the statement's cost no longer
 * depends on round trips, only on the rows written.
 */
final class PostgresObservableWriter implements ObservableBatchWriter {
    private static final String ROWS = """
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::int[], ?::boolean[], ?::bigint[])
              AS v(dt, d, k, att, msg, tlp, ioc, sd)""";
    private static final String INTO_ALERT = """
            INSERT INTO observable (org_id, alert_id, data_type, data, data_key, attachment_id, message, tlp, pap, ioc,
              sighted, ignore_similarity, start_date, reports, created_by, created_at, misp_sync)
            SELECT ?, ?, v.dt, v.d, v.k, v.att, v.msg, v.tlp, 2, v.ioc, FALSE, FALSE, v.sd, '{}', ?, ?, ?
            """ + ROWS + """
            
            ON CONFLICT (alert_id, data_type, data_key) DO UPDATE SET
              message = EXCLUDED.message, tlp = EXCLUDED.tlp, ioc = EXCLUDED.ioc, misp_sync = EXCLUDED.misp_sync,
              updated_by = CASE WHEN (observable.message, observable.tlp, observable.ioc)
                  IS DISTINCT FROM (EXCLUDED.message, EXCLUDED.tlp, EXCLUDED.ioc) THEN EXCLUDED.created_by
                  ELSE observable.updated_by END,
              updated_at = CASE WHEN (observable.message, observable.tlp, observable.ioc)
                  IS DISTINCT FROM (EXCLUDED.message, EXCLUDED.tlp, EXCLUDED.ioc) THEN EXCLUDED.created_at
                  ELSE observable.updated_at END
            RETURNING id, data_type, data_key""";
    private static final String INTO_CASE = """
            INSERT INTO observable (org_id, case_id, data_type, data, data_key, attachment_id, message, tlp, pap, ioc,
              sighted, ignore_similarity, start_date, reports, created_by, created_at)
            SELECT ?, ?, v.dt, v.d, v.k, v.att, v.msg, v.tlp, 2, v.ioc, FALSE, FALSE, v.sd, '{}', ?, ?
            """ + ROWS + """
            
            ON CONFLICT (case_id, data_type, data_key) DO NOTHING
            RETURNING id, data_type, data_key""";
    private static final String TAGS = """
            INSERT INTO entity_tag (entity, entity_id, tag) SELECT 'observable', t.id, t.tag
            FROM unnest(?::bigint[], ?::varchar[]) AS t(id, tag) ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;

    PostgresObservableWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void upsertIntoAlert(long orgId, long alertId, List<ImportedObservable> batch, long mark, String actor, long now) {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            Map<String, Long> ids = write(c, INTO_ALERT, batch, ps -> {
                ps.setLong(1, orgId);
                ps.setLong(2, alertId);
                ps.setString(3, actor);
                ps.setLong(4, now);
                ps.setLong(5, mark);
                return 6;
            });
            tags(c, batch, ids);
            return null;
        });
    }

    @Override
    public void addToCase(long orgId, long caseId, List<ImportedObservable> batch, String actor, long now) {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            Map<String, Long> ids = write(c, INTO_CASE, batch, ps -> {
                ps.setLong(1, orgId);
                ps.setLong(2, caseId);
                ps.setString(3, actor);
                ps.setLong(4, now);
                return 5;
            });
            tags(c, batch, ids);
            return null;
        });
    }

    private interface Head {
        int set(PreparedStatement ps) throws SQLException;
    }

    /** Runs an insert over the batch; returns the ids of the rows written, by (dataType, dataKey). */
    private static Map<String, Long> write(Connection c, String sql, List<ImportedObservable> batch, Head head)
            throws SQLException {
        int n = batch.size();
        String[] dt = new String[n], d = new String[n], k = new String[n], msg = new String[n];
        Long[] att = new Long[n], sd = new Long[n];
        Integer[] tlp = new Integer[n];
        Boolean[] ioc = new Boolean[n];
        for (int i = 0; i < n; i++) {
            ImportedObservable o = batch.get(i);
            dt[i] = o.dataType();
            d[i] = o.data();
            k[i] = o.dataKey();
            att[i] = o.attachmentId();
            msg[i] = o.message();
            tlp[i] = o.tlp();
            ioc[i] = o.ioc();
            sd[i] = o.startDate();
        }
        Map<String, Long> ids = new HashMap<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = head.set(ps);
            ps.setArray(p++, c.createArrayOf("varchar", dt));
            ps.setArray(p++, c.createArrayOf("varchar", d));
            ps.setArray(p++, c.createArrayOf("varchar", k));
            ps.setArray(p++, c.createArrayOf("int8", att));
            ps.setArray(p++, c.createArrayOf("varchar", msg));
            ps.setArray(p++, c.createArrayOf("int4", tlp));
            ps.setArray(p++, c.createArrayOf("bool", ioc));
            ps.setArray(p, c.createArrayOf("int8", sd));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.put(rs.getString(2) + "\0" + rs.getString(3), rs.getLong(1));
            }
        }
        return ids;
    }

    private static void tags(Connection c, List<ImportedObservable> batch, Map<String, Long> ids) throws SQLException {
        List<Long> entity = new ArrayList<>();
        List<String> tag = new ArrayList<>();
        for (ImportedObservable o : batch) {
            Long id = ids.get(o.dataType() + "\0" + o.dataKey());
            if (id == null) continue;
            for (String t : o.tags()) {
                entity.add(id);
                tag.add(t);
            }
        }
        if (entity.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(TAGS)) {
            ps.setArray(1, c.createArrayOf("int8", entity.toArray(Long[]::new)));
            ps.setArray(2, c.createArrayOf("varchar", tag.toArray(String[]::new)));
            ps.executeUpdate();
        }
    }
}
