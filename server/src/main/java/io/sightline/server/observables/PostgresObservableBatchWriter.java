package io.sightline.server.observables;

import io.sightline.server.observables.ObservableBatch.AlertChunk;
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
 * PostgreSQL: the observables of a whole transaction (several alerts) and their tags in one
 * statement, the rows passed as arrays and {@code unnest}ed; the tags join the inserted rows on
 * the server, so no id travels back. Rows of a just-created alert are plainly inserted; the others
 * go through {@code ON CONFLICT}, which refreshes an existing observable and keeps its tags.
 * Observables added to a case get their audit entries in one more statement, sent only when the
 * case got some ({@link CaseObservableAudit}). What remains per row is PostgreSQL's own work (indexes, foreign keys), which COPY would not
 * reduce.
 */
final class PostgresObservableBatchWriter implements ObservableBatchWriter {
    private static final String ROWS = """
            WITH v AS (
              SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],
                ?::bigint[], ?::varchar[], ?::int[], ?::boolean[], ?::bigint[])
                WITH ORDINALITY AS v(org, alert, mark, dt, d, k, att, msg, tlp, ioc, sd, n)
            ), o AS (
              INSERT INTO observable (org_id, alert_id, data_type, data, data_key, attachment_id, message, tlp, pap, ioc,
                sighted, ignore_similarity, start_date, reports, created_by, created_at, misp_sync)
              SELECT v.org, v.alert, v.dt, v.d, v.k, v.att, v.msg, v.tlp, 2, v.ioc, FALSE, FALSE, v.sd, '{}', ?, ?, v.mark
              FROM v
            """;
    private static final String UPSERT = """
              ON CONFLICT (alert_id, data_type, data_key) WHERE alert_id IS NOT NULL DO UPDATE SET
                message = EXCLUDED.message, tlp = EXCLUDED.tlp, ioc = EXCLUDED.ioc, misp_sync = EXCLUDED.misp_sync,
                updated_by = CASE WHEN (observable.message, observable.tlp, observable.ioc)
                    IS DISTINCT FROM (EXCLUDED.message, EXCLUDED.tlp, EXCLUDED.ioc) THEN EXCLUDED.created_by
                    ELSE observable.updated_by END,
                updated_at = CASE WHEN (observable.message, observable.tlp, observable.ioc)
                    IS DISTINCT FROM (EXCLUDED.message, EXCLUDED.tlp, EXCLUDED.ioc) THEN EXCLUDED.created_at
                    ELSE observable.updated_at END
            """;
    private static final String TAGS = """
              RETURNING id, alert_id, data_type, data_key
            )
            INSERT INTO entity_tag (entity, entity_id, tag)
            SELECT 'observable', o.id, t.tag FROM unnest(?::bigint[], ?::varchar[]) AS t(n, tag)
            JOIN v ON v.n = t.n
            JOIN o ON o.alert_id = v.alert AND o.data_type = v.dt AND o.data_key = v.k
            """;
    private static final String FRESH = ROWS + TAGS;
    private static final String MERGE = ROWS + UPSERT + TAGS + "ON CONFLICT DO NOTHING";

    private static final String INTO_CASE = """
            INSERT INTO observable (org_id, case_id, data_type, data, data_key, attachment_id, message, tlp, pap, ioc,
              sighted, ignore_similarity, start_date, reports, created_by, created_at)
            SELECT ?, ?, v.dt, v.d, v.k, v.att, v.msg, v.tlp, 2, v.ioc, FALSE, FALSE, v.sd, '{}', ?, ?
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::int[], ?::boolean[], ?::bigint[])
              AS v(dt, d, k, att, msg, tlp, ioc, sd)
            ON CONFLICT (case_id, data_type, data_key) WHERE case_id IS NOT NULL DO NOTHING
            RETURNING id, data_type, data_key""";
    private static final String CASE_TAGS = """
            INSERT INTO entity_tag (entity, entity_id, tag) SELECT 'observable', t.id, t.tag
            FROM unnest(?::bigint[], ?::varchar[]) AS t(id, tag) ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final CaseObservableAudit audit;

    PostgresObservableBatchWriter(JdbcTemplate jdbc, CaseObservableAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void upsertIntoAlerts(ObservableBatch.IntoAlerts command) {
        String actor = command.actor();
        long now = command.now();
        List<AlertChunk> fresh = command.chunks().stream().filter(AlertChunk::fresh).toList();
        List<AlertChunk> merged = command.chunks().stream().filter(b -> !b.fresh()).toList();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            if (!fresh.isEmpty()) write(c, FRESH, fresh, actor, now);
            if (!merged.isEmpty()) write(c, MERGE, merged, actor, now);
            return null;
        });
    }

    /** One statement for the rows of all batches and their tags. */
    private static void write(Connection c, String sql, List<AlertChunk> batches, String actor, long now) throws SQLException {
        int n = 0, tagCount = 0;
        for (AlertChunk b : batches) {
            n += b.observables().size();
            for (ImportedObservable o : b.observables()) tagCount += o.tags().size();
        }
        if (n == 0) return;
        long[] org = new long[n], alert = new long[n], mark = new long[n];
        ValueColumns values = new ValueColumns(n);
        long[] tagRow = new long[tagCount];
        String[] tag = new String[tagCount];
        int i = 0, t = 0;
        for (AlertChunk b : batches) {
            for (ImportedObservable o : b.observables()) {
                org[i] = b.orgId();
                alert[i] = b.alertId();
                mark[i] = b.mark();
                values.set(i, o);
                i++;
                for (String name : o.tags()) {
                    tagRow[t] = i; // ordinality is 1-based
                    tag[t++] = name;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            ps.setObject(p++, org);
            ps.setObject(p++, alert);
            ps.setObject(p++, mark);
            p = values.bind(c, ps, p);
            ps.setString(p++, actor);
            ps.setLong(p++, now);
            ps.setObject(p++, tagRow);
            ps.setArray(p, c.createArrayOf("varchar", tag));
            ps.executeUpdate();
        }
    }

    @Override
    public void addToCase(ObservableBatch.IntoCase command) {
        long orgId = command.orgId(), caseId = command.caseId(), now = command.now();
        String actor = command.actor();
        // alerts of one case may be written by two import transactions at once: inserting in one
        // order keeps them from waiting for each other crosswise (a deadlock)
        List<ImportedObservable> batch = command.observables().stream()
                .sorted(java.util.Comparator.comparing(ImportedObservable::dataType).thenComparing(ImportedObservable::dataKey))
                .toList();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            ValueColumns values = new ValueColumns(batch.size());
            for (int i = 0; i < batch.size(); i++) values.set(i, batch.get(i));
            Map<String, Long> ids = new HashMap<>(batch.size() * 2);
            try (PreparedStatement ps = c.prepareStatement(INTO_CASE)) {
                ps.setLong(1, orgId);
                ps.setLong(2, caseId);
                ps.setString(3, actor);
                ps.setLong(4, now);
                values.bind(c, ps, 5);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.put(rs.getString(2) + "\0" + rs.getString(3), rs.getLong(1));
                }
            }
            caseTags(c, batch, ids);
            CaseObservableAudit.Batch audited = audit.batch(orgId, caseId, actor, now);
            for (ImportedObservable o : batch) {
                Long id = ids.get(o.dataType() + "\0" + o.dataKey());
                if (id != null) audited.added(id, o);
            }
            audited.write(c);
            return null;
        });
    }

    private static void caseTags(Connection c, List<ImportedObservable> batch, Map<String, Long> ids) throws SQLException {
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
        try (PreparedStatement ps = c.prepareStatement(CASE_TAGS)) {
            ps.setArray(1, c.createArrayOf("int8", entity.toArray(Long[]::new)));
            ps.setArray(2, c.createArrayOf("varchar", tag.toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /**
     * The columns of an observable's value that both statements send, one array per column, bound
     * in the statements' order: data type, data, key, attachment, message, TLP, IOC, start date.
     */
    private static final class ValueColumns {
        private final String[] dataType, data, key, message;
        private final Long[] attachment;
        private final int[] tlp;
        private final boolean[] ioc;
        private final long[] startDate;

        ValueColumns(int n) {
            dataType = new String[n];
            data = new String[n];
            key = new String[n];
            message = new String[n];
            attachment = new Long[n];
            tlp = new int[n];
            ioc = new boolean[n];
            startDate = new long[n];
        }

        void set(int i, ImportedObservable o) {
            dataType[i] = o.dataType();
            data[i] = o.data();
            key[i] = o.dataKey();
            attachment[i] = o.attachmentId();
            message[i] = o.message();
            tlp[i] = o.tlp();
            ioc[i] = o.ioc();
            startDate[i] = o.startDate();
        }

        /** Binds the eight arrays from parameter {@code p} on; returns the next parameter's index. */
        int bind(Connection c, PreparedStatement ps, int p) throws SQLException {
            ps.setArray(p++, c.createArrayOf("varchar", dataType));
            ps.setArray(p++, c.createArrayOf("varchar", data));
            ps.setArray(p++, c.createArrayOf("varchar", key));
            ps.setArray(p++, c.createArrayOf("int8", attachment));
            ps.setArray(p++, c.createArrayOf("varchar", message));
            ps.setObject(p++, tlp);
            ps.setObject(p++, ioc);
            ps.setObject(p++, startDate);
            return p;
        }
    }
}
