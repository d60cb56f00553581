package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.Principal;
import io.sightline.server.query.SqlCondition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code cortex_action} table, its only writer. The end is a conditional update, so an action ends once. */
@Repository
class CortexActionRepository {
    private static final RowMapper<CortexActionRecord> ROW = (rs, i) -> new CortexActionRecord(rs.getLong("id"),
            rs.getLong("org_id"), ActionObjectType.valueOf(rs.getString("object_type")), rs.getLong("object_id"),
            rs.getString("server_name"), rs.getString("responder_id"), rs.getString("responder_name"),
            rs.getString("cortex_job_id"), rs.getString("status"), JobPhase.valueOf(rs.getString("phase")),
            rs.getString("parameters"), rs.getInt("error_count"), rs.getLong("next_poll_at"), rs.getString("last_error"),
            rs.getString("error_message"), rs.getString("report"), rs.getString("operations"),
            rs.getObject("start_date", Long.class), rs.getObject("end_date", Long.class), rs.getString("created_by"),
            rs.getLong("created_at"), rs.getString("updated_by"), rs.getObject("updated_at", Long.class));

    private final JdbcClient jdbc;

    CortexActionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An action Cortex accepted ({@code cortexJobId}); polled from the next round on. */
    long insertRunning(long orgId, ActionObjectType type, long objectId, String server, String responderId,
                       String responderName, String cortexJobId, String status, Long startDate, String parameters,
                       String createdBy, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO cortex_action (org_id, object_type, object_id, server_name, responder_id, responder_name,
                  cortex_job_id, status, phase, parameters, next_poll_at, start_date, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)""")
                .params(orgId, type.name(), objectId, server, responderId, responderName, cortexJobId, status, parameters,
                        now, startDate, createdBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An action Cortex could not take: stored already ended in Failure with the reason. */
    long insertFailed(long orgId, ActionObjectType type, long objectId, String server, String responderId,
                      String responderName, String parameters, String report, String reason, String createdBy, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO cortex_action (org_id, object_type, object_id, server_name, responder_id, responder_name,
                  status, phase, parameters, next_poll_at, report, error_message, end_date, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'Failure', 'DONE', ?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, type.name(), objectId, server, responderId, responderName, parameters, now, report,
                        CortexJobRepository.truncate(reason, 100000), now, createdBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<CortexActionRecord> find(long id) {
        return jdbc.sql("SELECT * FROM cortex_action WHERE id = ?").param(id).query(ROW).optional();
    }

    /** One the caller sees ({@link CortexVisibility}). */
    Optional<CortexActionRecord> findVisible(Principal caller, long id) {
        SqlCondition visible = CortexVisibility.actions("x", caller).and("x.id = ?", id);
        return jdbc.sql("SELECT * FROM cortex_action x WHERE " + visible.sql()).params(visible.params()).query(ROW).optional();
    }

    List<CortexActionRecord> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM cortex_action WHERE id IN (:ids)").param("ids", ids).query(ROW).list();
    }

    /** The actions on one object, newest first. */
    List<CortexActionRecord> ofObject(long orgId, ActionObjectType type, long objectId) {
        return jdbc.sql("SELECT * FROM cortex_action WHERE org_id = ? AND object_type = ? AND object_id = ?"
                        + " ORDER BY created_at DESC, id DESC")
                .params(orgId, type.name(), objectId).query(ROW).list();
    }

    /**
     * Re-points the actions run on records of one type that others replace (a case merge: absorbed
     * observables to the one absorbing each, original cases to the merged one): one statement per
     * replaced record that has actions. Answers each action moved, by id, with the record it ran on before.
     */
    Map<Long, Long> moveToObjects(long orgId, ActionObjectType type, Map<Long, Long> toByFrom) {
        Map<Long, Long> moved = new LinkedHashMap<>();
        for (List<Long> ids : CortexJobRepository.chunks(List.copyOf(toByFrom.keySet()))) {
            jdbc.sql("SELECT id, object_id FROM cortex_action WHERE org_id = :org AND object_type = :type"
                            + " AND object_id IN (:ids) ORDER BY id")
                    .param("org", orgId).param("type", type.name()).param("ids", ids)
                    .query(rs -> { moved.put(rs.getLong(1), rs.getLong(2)); });
        }
        for (long from : new LinkedHashSet<>(moved.values())) {
            jdbc.sql("UPDATE cortex_action SET object_id = ? WHERE org_id = ? AND object_type = ? AND object_id = ?")
                    .params(toByFrom.get(from), orgId, type.name(), from).update();
        }
        return moved;
    }

    /** Running actions whose poll is due, oldest poll first. */
    List<CortexActionRecord> duePolls(String server, long now, int limit) {
        return jdbc.sql("SELECT * FROM cortex_action WHERE server_name = ? AND phase = 'RUNNING' AND next_poll_at <= ?"
                        + " ORDER BY next_poll_at, id LIMIT " + limit)
                .params(server, now).query(ROW).list();
    }

    /** Actions of servers no longer configured, still waiting for an outcome. */
    List<CortexActionRecord> unfinishedOutside(List<String> servers) {
        return jdbc.sql("SELECT * FROM cortex_action WHERE phase <> 'DONE' AND server_name NOT IN (:servers)")
                .param("servers", servers).query(ROW).list();
    }

    void progressed(long id, String status, long nextPollAt, long now) {
        jdbc.sql("UPDATE cortex_action SET status = ?, error_count = 0, last_error = NULL, next_poll_at = ?, updated_at = ?"
                        + " WHERE id = ? AND phase = 'RUNNING'")
                .params(status, nextPollAt, now, id).update();
    }

    void pollFailed(long id, String error, long nextPollAt, long now) {
        jdbc.sql("UPDATE cortex_action SET error_count = error_count + 1, last_error = ?, next_poll_at = ?, updated_at = ?"
                        + " WHERE id = ? AND phase = 'RUNNING'")
                .params(CortexJobRepository.truncate(error, 4000), nextPollAt, now, id).update();
    }

    /** Stores the outcome with the operations' outcomes, once; false if the action had already ended. */
    boolean finish(long id, String status, String report, String errorMessage, String operations, Long startDate,
                   long endDate, String by, long now) {
        return jdbc.sql("""
                UPDATE cortex_action SET phase = 'DONE', status = ?, report = ?, error_message = ?, operations = ?,
                  start_date = COALESCE(?, start_date), end_date = ?, updated_by = ?, updated_at = ?
                WHERE id = ? AND phase <> 'DONE'""")
                .params(status, report, CortexJobRepository.truncate(errorMessage, 100000),
                        CortexJobRepository.truncate(operations, 100000), startDate, endDate, by, now, id)
                .update() == 1;
    }
}
