package io.sightline.testkit.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workload of {@link UiPagesBench}, written straight into the hub's PostgreSQL tables with
 * set-based {@code INSERT … SELECT FROM generate_series} (the server makes the rows; nothing
 * crosses the wire): an organisation's {@code cases} cases, each with tasks, observables, comments
 * and tags, and one alert of {@code alertObservables} observables. Values repeat across cases (a
 * pool of 20,000), so "seen in other cases" finds matches, and the values of {@code intelValues}
 * (stored in the intel store) are spread over the alert and the newest case, so "seen in intel" does too.
 */
final class UiBenchData {
    static final int TASKS_PER_CASE = 3;
    static final int OBSERVABLES_PER_CASE = 5;
    static final int COMMENTS_PER_CASE = 2;
    private static final int VALUE_POOL = 20_000;
    private static final String[] STATUSES = {"Waiting", "InProgress", "Completed", "Cancel"};

    private UiBenchData() {}

    /** Sizes of what was written, for the report. */
    record Loaded(long cases, long tasks, long observables, long comments, long alertId, long newestCase, long observableId) {}

    static Loaded load(Connection db, long orgId, List<String> assignees, int cases, int alertObservables,
                       List<IntelBenchCorpus.Value> intelValues) throws SQLException {
        long now = System.currentTimeMillis();
        try (Statement s = db.createStatement()) {
            s.execute("SET synchronous_commit TO off");
        }
        String[] who = assignees.toArray(String[]::new);
        exec(db, """
                INSERT INTO case_record (org_id, number, title, description, severity, tlp, pap, status, start_date,
                                         assignee, created_by, created_at, updated_at)
                SELECT ?, n, 'Investigation ' || n || ': suspicious activity on host-' || (n % 500),
                       'Generated case ' || n || ' of the UI benchmark. **Markdown** with a [link](https://example.org/' || n || ').',
                       1 + n % 4, n % 4, n % 4, CASE WHEN n % 5 = 0 THEN 'Resolved' ELSE 'Open' END,
                       ? - (? - n) * 60000, (?::text[])[1 + n % cardinality(?::text[])], 'bench', ? - (? - n) * 60000, NULL
                FROM generate_series(1, ?) n""", orgId, now, cases, who, who, now, cases, cases);
        exec(db, "UPDATE organisation SET next_case_number = ? WHERE id = ?", cases + 1, orgId);
        exec(db, """
                INSERT INTO entity_tag (entity, entity_id, tag)
                SELECT 'case', c.id, t FROM case_record c,
                       LATERAL (VALUES ('bench'), ('campaign:' || (c.number % 20)), ('host-' || (c.number % 500))) v(t)
                WHERE c.org_id = ?""", orgId);
        exec(db, """
                INSERT INTO task (org_id, case_id, title, task_group, description, status, task_order, assignee, due_date,
                                  created_by, created_at)
                SELECT c.org_id, c.id, 'Task ' || k || ' of case ' || c.number, 'group ' || (k % 2), 'Check step ' || k,
                       (?::text[])[1 + (c.number + k) % 4], k, (?::text[])[1 + (c.number + k) % cardinality(?::text[])],
                       CASE WHEN k = 1 THEN c.created_at + 86400000 END, 'bench', c.created_at + k
                FROM case_record c, generate_series(1, ?) k WHERE c.org_id = ?""",
                STATUSES, who, who, TASKS_PER_CASE, orgId);
        exec(db, """
                INSERT INTO observable (org_id, case_id, data_type, data, data_key, tlp, pap, ioc, start_date, created_by, created_at)
                SELECT c.org_id, c.id, 'domain', v, encode(sha256(convert_to(v, 'UTF8')), 'hex'), 2, 2, k = 1, c.created_at,
                       'bench', c.created_at + k
                FROM case_record c, generate_series(1, ?) k,
                     LATERAL (SELECT 'host-' || ((c.number * 7 + k * 13) % ?) || '.bench.example' AS v) d
                WHERE c.org_id = ?""", OBSERVABLES_PER_CASE, VALUE_POOL, orgId);
        exec(db, """
                INSERT INTO comment_record (org_id, case_id, message, created_by, created_at)
                SELECT c.org_id, c.id, 'Comment ' || k || ': looked at **host-' || (c.number % 500) || '**', 'bench', c.created_at + k
                FROM case_record c, generate_series(1, ?) k WHERE c.org_id = ?""", COMMENTS_PER_CASE, orgId);
        long alertId = insertAlert(db, orgId, now);
        exec(db, """
                INSERT INTO observable (org_id, alert_id, data_type, data, data_key, tlp, pap, ioc, start_date, created_by, created_at)
                SELECT ?, ?, 'domain', v, encode(sha256(convert_to(v, 'UTF8')), 'hex'), 2, 2, n % 10 = 0, ?, 'bench', ? + n
                FROM generate_series(1, ?) n, LATERAL (SELECT 'host-' || n || '.bench.example' AS v) d""",
                orgId, alertId, now, now, alertObservables);
        long newestCase = single(db, "SELECT id FROM case_record WHERE org_id = ? AND number = ?", orgId, cases);
        addIntelValues(db, orgId, alertId, newestCase, intelValues, now);
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM ANALYZE"); // what autovacuum does soon after such a fill
        }
        long observableId = single(db, "SELECT MAX(id) FROM observable WHERE case_id = ?", newestCase);
        return new Loaded(cases, (long) cases * TASKS_PER_CASE, (long) cases * OBSERVABLES_PER_CASE + alertObservables,
                (long) cases * COMMENTS_PER_CASE, alertId, cases, observableId);
    }

    private static long insertAlert(Connection db, long orgId, long now) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                INSERT INTO alert (org_id, type, source, source_ref, title, description, severity, alert_date, tlp, pap, status,
                                   created_by, created_at)
                VALUES (?, 'bench', 'ui-pages', 'big-alert', 'A 5,000-observable alert', 'Every domain of a large feed', 3, ?, 2, 2,
                        'New', 'bench', ?) RETURNING id""")) {
            ps.setLong(1, orgId);
            ps.setLong(2, now);
            ps.setLong(3, now);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Values of the intel store as observables of the alert and of the newest case, so their rows find sightings. */
    private static void addIntelValues(Connection db, long orgId, long alertId, long caseId, List<IntelBenchCorpus.Value> values,
                                       long now) throws SQLException {
        String sql = """
                INSERT INTO observable (org_id, case_id, alert_id, data_type, data, data_key, tlp, pap, start_date, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, encode(sha256(convert_to(?, 'UTF8')), 'hex'), 2, 2, ?, 'bench', ?)
                ON CONFLICT DO NOTHING""";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (IntelBenchCorpus.Value v : values) {
                for (int owner = 0; owner < 2; owner++) {
                    ps.setLong(1, orgId);
                    ps.setObject(2, owner == 0 ? caseId : null);
                    ps.setObject(3, owner == 0 ? null : alertId);
                    ps.setString(4, v.dataType());
                    ps.setString(5, v.data());
                    ps.setString(6, v.data());
                    ps.setLong(7, now);
                    ps.setLong(8, now + 1); // newest first in the tables: the matches are on their first page
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void exec(Connection db, String sql, Object... params) throws SQLException {
        long t0 = System.nanoTime();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(db, ps, params);
            int rows = ps.executeUpdate();
            String[] words = sql.strip().split("\\s+");
            String what = words[0].equals("UPDATE") ? words[1] : words[2];
            System.out.printf("  %-14s %,9d rows in %.1f s%n", what, rows, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static long single(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(db, ps, params);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(Connection db, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] array) ps.setArray(i + 1, db.createArrayOf("text", array));
            else ps.setObject(i + 1, p);
        }
    }
}
