package io.sightline.server.procedures;

import io.sightline.server.audit.AuditBatch;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Procedures an importing connector gives its alerts (MISP's ATT&CK galaxy tags), each with the
 * audit entry {@link ProcedureService} writes for one an analyst adds ({@code create}, the
 * procedure as the API shows it), by the connector's actor, in the caller's transaction: the
 * entries of one call in one batch per organisation.
 */
@Component
public class ImportedProcedures {
    private final ProcedureRepository procedures;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    ImportedProcedures(ProcedureRepository procedures, AuditLog audit, JdbcTemplate jdbc) {
        this.procedures = procedures;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Adds the techniques each alert has no procedure of yet (see {@link ProcedureRepository#insertImported}). */
    public int add(List<ProcedureRepository.Imported> rows, String actor, long now) {
        List<Long> ids = procedures.insertImported(rows, actor, now);
        if (ids.isEmpty()) return 0;
        Map<Long, AuditBatch> byOrg = new LinkedHashMap<>();
        for (ProcedureRecord r : procedures.byIds(ids).stream().sorted(java.util.Comparator.comparingLong(ProcedureRecord::id)).toList()) {
            byOrg.computeIfAbsent(r.orgId(), org -> audit.batch(org, null, actor, "create", "procedure", now)) // on alerts: no case
                    .add(Ids.format(r.id()), ProcedureView.of(r));
        }
        byOrg.values().forEach(b -> b.write(jdbc));
        return ids.size();
    }
}
