package io.sightline.server.connectors.misp.exporting;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The link between a case and the MISP event it was exported as, and the history of its exports. */
@Component
class MispExportStore {
    /** A case's event on one server. */
    record Link(long id, long caseId, String server, String eventId, String eventUuid, long firstExportedAt,
                long lastExportedAt) {}

    private final JdbcClient jdbc;

    MispExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(long caseId, String server) {
        return jdbc.sql("SELECT * FROM misp_export WHERE case_id = ? AND server = ?").params(caseId, server)
                .query(MispExportStore::link).optional();
    }

    List<Link> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM misp_export WHERE case_id = ? ORDER BY server").param(caseId)
                .query(MispExportStore::link).list();
    }

    /** Records (or moves, when MISP lost the previous event) the case's event before anything else is sent. */
    Link link(long caseId, String server, String eventId, String eventUuid, long now) {
        Optional<Link> existing = find(caseId, server);
        if (existing.isPresent()) {
            jdbc.sql("UPDATE misp_export SET event_id = ?, event_uuid = ?, last_exported_at = ? WHERE id = ?")
                    .params(eventId, eventUuid, now, existing.get().id()).update();
        } else {
            jdbc.sql("INSERT INTO misp_export (case_id, server, event_id, event_uuid, first_exported_at, last_exported_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)").params(caseId, server, eventId, eventUuid, now, now).update();
        }
        return find(caseId, server).orElseThrow();
    }

    /**
     * Gives the merged case each original's event on a server the merged case has no event on yet,
     * the originals taken in order; the event keeps its history of exports.
     */
    void handOver(List<Long> originalIds, long mergedId) {
        for (long original : originalIds) {
            jdbc.sql("""
                    UPDATE misp_export SET case_id = ? WHERE case_id = ?
                      AND server NOT IN (SELECT m.server FROM misp_export m WHERE m.case_id = ?)""")
                    .params(mergedId, original, mergedId).update();
        }
    }

    void recordRun(Link link, CaseExport.Run run) {
        jdbc.sql("UPDATE misp_export SET last_exported_at = ? WHERE id = ?").params(run.at(), link.id()).update();
        jdbc.sql("""
                INSERT INTO misp_export_run (export_id, exported_at, exported_by, created_event, attributes_added,
                  attributes_deleted, samples_uploaded, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(link.id(), run.at(), run.by(), run.createdEvent(), run.added(), run.deleted(), run.samples(),
                        clip(String.join("\n", run.skipped())))
                .update();
    }

    List<CaseExport.Run> runs(long linkId) {
        return jdbc.sql("SELECT * FROM misp_export_run WHERE export_id = ? ORDER BY exported_at, id").param(linkId)
                .query((rs, i) -> {
                    String skipped = rs.getString("skipped");
                    return new CaseExport.Run(rs.getLong("exported_at"), rs.getString("exported_by"),
                            rs.getBoolean("created_event"), rs.getInt("attributes_added"), rs.getInt("attributes_deleted"),
                            rs.getInt("samples_uploaded"), skipped.isEmpty() ? List.of() : List.of(skipped.split("\n")));
                }).list();
    }

    private static String clip(String s) {
        return s.length() <= 100_000 ? s : s.substring(0, 99_999) + "…";
    }

    private static Link link(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Link(rs.getLong("id"), rs.getLong("case_id"), rs.getString("server"), rs.getString("event_id"),
                rs.getString("event_uuid"), rs.getLong("first_exported_at"), rs.getLong("last_exported_at"));
    }
}
