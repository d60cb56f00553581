package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.Principal;
import io.sightline.server.query.SqlCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code cortex_job} table. Every state change is a conditional update, so two hub instances never both act on a job. */
@Repository
class CortexJobRepository {
    private static final RowMapper<CortexJobRecord> ROW = (rs, i) -> new CortexJobRecord(rs.getLong("id"),
            rs.getLong("org_id"), rs.getLong("observable_id"), rs.getString("server_name"), rs.getString("analyzer_ref"),
            rs.getString("analyzer_id"), rs.getString("analyzer_name"), rs.getString("cortex_job_id"),
            rs.getString("status"), JobPhase.valueOf(rs.getString("phase")), rs.getString("parameters"),
            rs.getInt("attempts"), rs.getInt("error_count"), rs.getLong("next_poll_at"), rs.getString("last_error"),
            rs.getString("error_message"), rs.getString("report"), rs.getBoolean("from_cache"),
            rs.getObject("start_date", Long.class), rs.getObject("end_date", Long.class),
            rs.getObject("submitted_at", Long.class), rs.getObject("finished_at", Long.class),
            rs.getString("created_by"), rs.getLong("created_at"), rs.getString("updated_by"),
            rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;

    CortexJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long orgId, long observableId, String server, String analyzerRef, String analyzerName, String parameters,
                String createdBy, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO cortex_job (org_id, observable_id, server_name, analyzer_ref, analyzer_name, status, phase,
                  parameters, next_poll_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, observableId, server, analyzerRef, analyzerName, CortexJobRecord.WAITING,
                        JobPhase.QUEUED.name(), parameters, now, createdBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A job that cannot run (no such Cortex or analyzer): stored already ended in Failure with the reason. */
    long insertFailed(long orgId, long observableId, String server, String analyzerRef, String parameters, String report,
                      String reason, String createdBy, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO cortex_job (org_id, observable_id, server_name, analyzer_ref, analyzer_name, status, phase,
                  parameters, next_poll_at, report, error_message, end_date, finished_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, observableId, server, analyzerRef, analyzerRef, CortexJobRecord.FAILURE, JobPhase.DONE.name(),
                        parameters, now, report, truncate(reason, 100000), now, now, createdBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<CortexJobRecord> find(long id) {
        return jdbc.sql("SELECT * FROM cortex_job WHERE id = ?").param(id).query(ROW).optional();
    }

    /** One the caller sees ({@link CortexVisibility}). */
    Optional<CortexJobRecord> findVisible(Principal caller, long id) {
        SqlCondition visible = CortexVisibility.jobs("x", caller).and("x.id = ?", id);
        return jdbc.sql("SELECT * FROM cortex_job x WHERE " + visible.sql()).params(visible.params()).query(ROW).optional();
    }

    List<CortexJobRecord> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM cortex_job WHERE id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    List<CortexJobRecord> ofObservable(long orgId, long observableId) {
        return jdbc.sql("SELECT * FROM cortex_job WHERE org_id = ? AND observable_id = ? ORDER BY created_at DESC, id DESC")
                .params(orgId, observableId).query(ROW).list();
    }

    /** Jobs of several observables with one query, newest first within each. */
    Map<Long, List<CortexJobRecord>> ofObservables(long orgId, java.util.Collection<Long> observableIds) {
        Map<Long, List<CortexJobRecord>> out = new java.util.HashMap<>();
        if (observableIds.isEmpty()) return out;
        jdbc.sql("SELECT * FROM cortex_job WHERE org_id = :org AND observable_id IN (:ids) ORDER BY created_at DESC, id DESC")
                .param("org", orgId).param("ids", observableIds).query(ROW).list()
                .forEach(job -> out.computeIfAbsent(job.observableId(), id -> new ArrayList<>()).add(job));
        return out;
    }

    /** The analyzer of every job run on an observable of the case, by job id (no reports read). */
    Map<Long, String> analyzersOfCase(long orgId, long caseId) {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT j.id, j.analyzer_name FROM cortex_job j WHERE j.org_id = ? AND j.observable_id IN "
                        + "(SELECT o.id FROM observable o WHERE o.case_id = ?) ORDER BY j.id")
                .params(orgId, caseId).query(rs -> { out.put(rs.getLong(1), rs.getString(2)); });
        return out;
    }

    /**
     * Re-points the jobs of observables absorbed by others (a case merge; absorbed observable id to
     * the absorbing one's): one statement per absorbed observable that has jobs. Answers each job
     * moved, by id, with the observable it ran on before.
     */
    Map<Long, Long> moveToObservables(long orgId, Map<Long, Long> keptByAbsorbed) {
        Map<Long, Long> moved = new LinkedHashMap<>();
        for (List<Long> ids : chunks(List.copyOf(keptByAbsorbed.keySet()))) {
            jdbc.sql("SELECT id, observable_id FROM cortex_job WHERE org_id = :org AND observable_id IN (:ids) ORDER BY id")
                    .param("org", orgId).param("ids", ids).query(rs -> { moved.put(rs.getLong(1), rs.getLong(2)); });
        }
        for (long absorbed : new LinkedHashSet<>(moved.values())) {
            jdbc.sql("UPDATE cortex_job SET observable_id = ? WHERE org_id = ? AND observable_id = ?")
                    .params(keptByAbsorbed.get(absorbed), orgId, absorbed).update();
        }
        return moved;
    }

    /** A long id list in slices a statement's parameters can hold. */
    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) out.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        return out;
    }

    /** Jobs known to Cortex whose poll is due, oldest poll first. */
    List<CortexJobRecord> duePolls(String server, long now, int limit) {
        return jdbc.sql("SELECT * FROM cortex_job WHERE server_name = ? AND phase = 'RUNNING' AND next_poll_at <= ?"
                        + " ORDER BY next_poll_at, id LIMIT " + limit)
                .params(server, now).query(ROW).list();
    }

    /** Jobs to send: queued ones whose retry time has come, and claims of instances that died while sending. */
    List<CortexJobRecord> dueSubmissions(String server, long now, int limit) {
        return jdbc.sql("SELECT * FROM cortex_job WHERE server_name = ? AND phase IN ('QUEUED', 'SUBMITTING')"
                        + " AND next_poll_at <= ? ORDER BY created_at, id LIMIT " + limit)
                .params(server, now).query(ROW).list();
    }

    /** Jobs occupying a slot on the server: being sent or running there. */
    int activeOn(String server) {
        return jdbc.sql("SELECT COUNT(*) FROM cortex_job WHERE server_name = ? AND phase IN ('SUBMITTING', 'RUNNING')")
                .param(server).query(Integer.class).single();
    }

    /** Jobs of servers no longer configured, still waiting for an outcome. */
    List<CortexJobRecord> unfinishedOutside(List<String> servers) {
        return jdbc.sql("SELECT * FROM cortex_job WHERE phase <> 'DONE' AND server_name NOT IN (:servers)")
                .param("servers", servers).query(ROW).list();
    }

    /** Takes a due job for sending until {@code leaseUntil}; false when another thread or instance has it. */
    boolean claim(long id, long now, long leaseUntil) {
        return jdbc.sql("UPDATE cortex_job SET phase = 'SUBMITTING', next_poll_at = ? WHERE id = ?"
                        + " AND phase IN ('QUEUED', 'SUBMITTING') AND next_poll_at <= ?")
                .params(leaseUntil, id, now).update() == 1;
    }

    void submitted(long id, String cortexJobId, String analyzerId, String analyzerName, String status, boolean fromCache,
                   Long startDate, long nextPollAt, long now) {
        jdbc.sql("""
                UPDATE cortex_job SET phase = 'RUNNING', cortex_job_id = ?, analyzer_id = ?, analyzer_name = ?, status = ?,
                  from_cache = ?, start_date = ?, attempts = attempts + 1, error_count = 0, last_error = NULL,
                  next_poll_at = ?, submitted_at = ?, updated_at = ? WHERE id = ?""")
                .params(cortexJobId, analyzerId, analyzerName, status, fromCache, startDate, nextPollAt, now, now, id)
                .update();
    }

    /** A submission that did not reach Cortex or was refused for now: back in the queue until {@code nextAttempt}. */
    void requeued(long id, boolean countAsError, String error, long nextAttempt, long now) {
        jdbc.sql("UPDATE cortex_job SET phase = 'QUEUED', attempts = attempts + 1, error_count = error_count + ?,"
                        + " last_error = ?, next_poll_at = ?, updated_at = ? WHERE id = ?")
                .params(countAsError ? 1 : 0, truncate(error, 4000), nextAttempt, now, id).update();
    }

    /** The status seen in Cortex changed while the job runs; a successful poll resets the error count. */
    void progressed(long id, String status, Long startDate, long nextPollAt, long now) {
        jdbc.sql("UPDATE cortex_job SET status = ?, start_date = COALESCE(?, start_date), error_count = 0, last_error = NULL,"
                        + " next_poll_at = ?, updated_at = ? WHERE id = ?")
                .params(status, startDate, nextPollAt, now, id).update();
    }

    /** Makes a running job due for the next polling round. */
    void dueNow(long id, long now) {
        jdbc.sql("UPDATE cortex_job SET next_poll_at = ? WHERE id = ? AND phase = 'RUNNING'").params(now, id).update();
    }

    /** A poll of a running job failed; the next one is due at {@code nextPollAt}. */
    void pollFailed(long id, boolean countAsError, String error, long nextPollAt, long now) {
        jdbc.sql("UPDATE cortex_job SET error_count = error_count + ?, last_error = ?, next_poll_at = ?, updated_at = ?"
                        + " WHERE id = ?")
                .params(countAsError ? 1 : 0, truncate(error, 4000), nextPollAt, now, id).update();
    }

    /** Stores the outcome once; false if the job had already ended (another instance got there first). */
    boolean finish(long id, String status, String report, String errorMessage, String analyzerName, Long startDate,
                   Long endDate, long now) {
        return jdbc.sql("""
                UPDATE cortex_job SET phase = 'DONE', status = ?, report = ?, error_message = ?,
                  analyzer_name = COALESCE(?, analyzer_name), start_date = COALESCE(?, start_date), end_date = ?,
                  finished_at = ?, updated_at = ? WHERE id = ? AND phase <> 'DONE'""")
                .params(status, report, truncate(errorMessage, 100000), analyzerName, startDate, endDate, now, now, id)
                .update() == 1;
    }

    void artifactsImported(long id, String by, long now) {
        jdbc.sql("UPDATE cortex_job SET updated_by = ?, updated_at = ? WHERE id = ?").params(by, now, id).update();
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) return s;
        return s.substring(0, max - 1) + "…";
    }
}
