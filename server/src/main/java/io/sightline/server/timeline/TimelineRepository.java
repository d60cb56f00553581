package io.sightline.server.timeline;

import io.sightline.server.cases.CaseStatus;
import io.sightline.server.common.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the automatic events of a case from the tables of the records they are about (it writes
 * none of them). Each method answers the case's most recent events first, at most {@code limit}.
 */
@Repository
class TimelineRepository {
    private final JdbcClient jdbc;

    TimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Its creation, and its closing while it is closed. */
    List<TimelineEvent> caseEvents(long caseId) {
        List<TimelineEvent> out = new ArrayList<>();
        jdbc.sql("SELECT * FROM case_record WHERE id = ?").param(caseId).query(rs -> {
            String id = Ids.format(caseId);
            Map<String, Object> created = details("title", rs.getString("title"), "number", rs.getLong("number"),
                    "severity", rs.getInt("severity"));
            out.add(new TimelineEvent(rs.getLong("created_at"), null, "CaseCreated", "Case", id, created));
            Long endDate = rs.getObject("end_date", Long.class);
            if (endDate != null && CaseStatus.isClosed(rs.getString("status"))) {
                out.add(new TimelineEvent(endDate, null, "CaseClosed", "Case", id, details("status", rs.getString("status"),
                        "resolutionStatus", rs.getString("resolution_status"), "impactStatus", rs.getString("impact_status"),
                        "summary", rs.getString("summary"))));
            }
        });
        return out;
    }

    List<TimelineEvent> observables(long caseId, int limit) {
        return jdbc.sql("""
                SELECT o.id, o.data_type, o.data, o.ioc, o.sighted, o.created_at, a.name AS file_name
                FROM observable o LEFT JOIN attachment a ON a.id = o.attachment_id
                WHERE o.case_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ?""")
                .params(caseId, limit)
                .query((rs, i) -> new TimelineEvent(rs.getLong("created_at"), null, "ObservableCreated", "Observable",
                        Ids.format(rs.getLong("id")), details("dataType", rs.getString("data_type"),
                        "data", rs.getString("data") != null ? rs.getString("data") : rs.getString("file_name"),
                        "ioc", rs.getBoolean("ioc"), "sighted", rs.getBoolean("sighted"))))
                .list();
    }

    /** Alerts merged into the case or promoted to it, dated when that happened (their last change). */
    List<TimelineEvent> alerts(long caseId, int limit) {
        return jdbc.sql("""
                SELECT id, type, source, source_ref, title, COALESCE(updated_at, created_at) AS imported_at
                FROM alert WHERE case_id = ? ORDER BY imported_at DESC, id DESC LIMIT ?""")
                .params(caseId, limit)
                .query((rs, i) -> new TimelineEvent(rs.getLong("imported_at"), null, "AlertImported", "Alert",
                        Ids.format(rs.getLong("id")), details("title", rs.getString("title"), "type", rs.getString("type"),
                        "source", rs.getString("source"), "sourceRef", rs.getString("source_ref"))))
                .list();
    }

    /** Analyzer jobs run on the case's observables, from their start (or request) to their end. */
    List<TimelineEvent> analyzerJobs(long caseId, int limit) {
        return jdbc.sql("""
                SELECT j.id, j.analyzer_name, j.status, j.end_date, COALESCE(j.start_date, j.created_at) AS began,
                       o.id AS observable_id, o.data_type, o.data
                FROM cortex_job j JOIN observable o ON o.id = j.observable_id
                WHERE o.case_id = ? ORDER BY began DESC, j.id DESC LIMIT ?""")
                .params(caseId, limit)
                .query((rs, i) -> new TimelineEvent(rs.getLong("began"), rs.getObject("end_date", Long.class),
                        "AnalyzerJob", "Job", Ids.format(rs.getLong("id")), details("analyzerName",
                        rs.getString("analyzer_name"), "status", rs.getString("status"),
                        "observableId", Ids.format(rs.getLong("observable_id")), "dataType", rs.getString("data_type"),
                        "data", rs.getString("data"))))
                .list();
    }

    /** Procedures, dated when they occurred. */
    List<TimelineEvent> procedures(long caseId, int limit) {
        return jdbc.sql("""
                SELECT pr.id, pr.pattern_id, pr.tactic, pr.occur_date, pr.description, ap.name AS pattern_name
                FROM procedure_record pr LEFT JOIN attack_pattern ap ON ap.pattern_id = pr.pattern_id
                WHERE pr.case_id = ? ORDER BY pr.occur_date DESC, pr.id DESC LIMIT ?""")
                .params(caseId, limit)
                .query((rs, i) -> new TimelineEvent(rs.getLong("occur_date"), null, "Procedure", "Procedure",
                        Ids.format(rs.getLong("id")), details("patternId", rs.getString("pattern_id"),
                        "patternName", rs.getString("pattern_name"), "tactic", rs.getString("tactic"),
                        "description", rs.getString("description"))))
                .list();
    }

    /** Key-value pairs without the null values (TheHive leaves absent fields out). */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) if (pairs[i + 1] != null) out.put((String) pairs[i], pairs[i + 1]);
        return out;
    }
}
