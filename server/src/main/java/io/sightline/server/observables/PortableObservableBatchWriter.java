package io.sightline.server.observables;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Any SQL database (H2): the bulk writes row by row, which an embedded database does quickly enough. */
final class PortableObservableBatchWriter implements ObservableBatchWriter {
    private static final String INSERT = """
            INSERT INTO observable (org_id, case_id, alert_id, data_type, data, data_key, attachment_id, message, tlp, pap,
              ioc, sighted, ignore_similarity, start_date, reports, created_by, created_at, misp_sync)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, FALSE, FALSE, ?, '{}', ?, ?, ?)""";
    private static final String TAG = "INSERT INTO entity_tag (entity, entity_id, tag) SELECT 'observable', ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM entity_tag WHERE entity = 'observable' AND entity_id = ? AND tag = ?)";

    private record Existing(long id, String message, int tlp, boolean ioc) {}

    private final JdbcTemplate jdbc;
    private final CaseObservableAudit audit;

    PortableObservableBatchWriter(JdbcTemplate jdbc, CaseObservableAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void upsertIntoAlerts(ObservableBatch.IntoAlerts command) {
        for (ObservableBatch.AlertChunk b : command.chunks()) {
            upsertIntoAlert(b.orgId(), b.alertId(), b.observables(), b.mark(), command.actor(), command.now());
        }
    }

    private void upsertIntoAlert(long orgId, long alertId, List<ImportedObservable> batch, long mark, String actor, long now) {
        List<Object[]> tags = new ArrayList<>();
        for (ImportedObservable o : batch) {
            Optional<Existing> found = find("alert_id", alertId, o);
            long id;
            if (found.isPresent()) {
                Existing e = found.get();
                id = e.id();
                boolean changed = !java.util.Objects.equals(e.message(), o.message()) || e.tlp() != o.tlp() || e.ioc() != o.ioc();
                if (changed) {
                    jdbc.update("UPDATE observable SET message = ?, tlp = ?, ioc = ?, misp_sync = ?, updated_by = ?, "
                            + "updated_at = ? WHERE id = ?", o.message(), o.tlp(), o.ioc(), mark, actor, now, id);
                } else {
                    jdbc.update("UPDATE observable SET misp_sync = ? WHERE id = ?", mark, id);
                }
            } else {
                id = insert(orgId, null, alertId, o, mark, actor, now);
            }
            for (String t : o.tags()) tags.add(new Object[] {id, t, id, t});
        }
        jdbc.batchUpdate(TAG, tags);
    }

    @Override
    public void addToCase(ObservableBatch.IntoCase command) {
        long orgId = command.orgId(), caseId = command.caseId(), now = command.now();
        String actor = command.actor();
        List<Object[]> tags = new ArrayList<>();
        CaseObservableAudit.Batch audited = audit.batch(orgId, caseId, actor, now);
        for (ImportedObservable o : command.observables()) {
            if (find("case_id", caseId, o).isPresent()) continue;
            long id = insert(orgId, caseId, null, o, null, actor, now);
            for (String t : o.tags()) tags.add(new Object[] {id, t, id, t});
            audited.added(id, o);
        }
        jdbc.batchUpdate(TAG, tags);
        audited.write(jdbc);
    }

    private Optional<Existing> find(String parentColumn, long parent, ImportedObservable o) {
        return jdbc.query("SELECT id, message, tlp, ioc FROM observable WHERE " + parentColumn
                        + " = ? AND data_type = ? AND data_key = ?",
                (rs, i) -> new Existing(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)),
                parent, o.dataType(), o.dataKey()).stream().findFirst();
    }

    private long insert(long orgId, Long caseId, Long alertId, ImportedObservable o, Long mark, String actor, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"});
            Object[] values = {orgId, caseId, alertId, o.dataType(), o.data(), o.dataKey(), o.attachmentId(), o.message(),
                    o.tlp(), o.ioc(), o.startDate(), actor, now, mark};
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
