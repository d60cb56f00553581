package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.common.TagRepository;
import io.sightline.server.query.SqlCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Any database (H2): one INSERT ... SELECT that only inserts when the caller may add to the owner and
 * the value is new, then the tags in one batch and the audit entry.
 */
final class PortableNewObservableWriter implements NewObservableWriter {
    private static final String INSERT = """
            INSERT INTO observable (org_id, case_id, alert_id, data_type, data, data_key, attachment_id, message, tlp, pap,
              ioc, sighted, ignore_similarity, start_date, reports, created_by, created_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            FROM %1$s parent WHERE parent.id = ? AND %3$s
              AND NOT EXISTS (SELECT 1 FROM observable x WHERE x.%2$s = parent.id AND x.data_type = ? AND x.data_key = ?)""";

    private final JdbcClient jdbc;
    private final ObservableRepository observables;
    private final TagRepository tags;
    private final AuditLog audit;

    PortableNewObservableWriter(JdbcClient jdbc, ObservableRepository observables, TagRepository tags, AuditLog audit) {
        this.jdbc = jdbc;
        this.observables = observables;
        this.tags = tags;
        this.audit = audit;
    }

    @Override
    public boolean oneStatement() {
        return false;
    }

    @Override
    public Written create(Principal p, ObservableRecord o) {
        Owner owner = Owner.of(o);
        SqlCondition addable = owner.addableBy(p);
        List<Object> params = new ArrayList<>(Arrays.asList(o.orgId(), o.caseId(), o.alertId(), o.dataType(), o.data(), o.dataKey(),
                o.attachment() == null ? null : o.attachment().id(), o.message(), o.tlp(), o.pap(), o.ioc(),
                o.sighted(), o.ignoreSimilarity(), o.startDate(), o.reports(), o.createdBy(), o.createdAt(), Owner.id(o)));
        params.addAll(addable.params());
        params.addAll(Arrays.asList(o.dataType(), o.dataKey()));
        var keys = new GeneratedKeyHolder();
        int rows = jdbc.sql(INSERT.formatted(owner.table(), owner.column(), addable.sql())).params(params).update(keys, "id");
        if (rows == 0) {
            return observables.parentExists(p, o.caseId(), o.alertId()) ? Written.ALREADY_THERE : Written.NO_SUCH_OWNER;
        }
        long id = keys.getKey().longValue();
        tags.addToNew(ObservableRepository.TAG_ENTITY, id, o.tags());
        audit.record(p, "create", "observable", Ids.format(id), null, ObservableView.of(o.withId(id)));
        return Written.created(id);
    }
}
