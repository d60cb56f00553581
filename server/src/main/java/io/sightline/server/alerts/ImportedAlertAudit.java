package io.sightline.server.alerts;

import io.sightline.server.audit.AuditBatch;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.common.Ids;
import io.sightline.server.common.SqlDialect;
import io.sightline.server.customfields.CustomFieldValuesView;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.observables.ObservableRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit entries of the alerts an importing connector creates or updates, written as
 * {@link AlertService} writes its own (entity {@code alert}; {@code create} with the alert as the
 * API shows it, {@code update} with the alert before and after), by the connector's actor, in the
 * transaction of the change: one statement per organisation on PostgreSQL, a JDBC batch elsewhere.
 * An update that changed none of the alert's fields (a MISP event whose attributes alone changed)
 * has no entry, as the alert itself did not change.
 */
@Component
public class ImportedAlertAudit {
    private final AuditLog audit;
    private final AlertRepository alerts;
    private final ObservableRepository observables;
    private final CustomFieldValues customFields;
    private final JdbcTemplate jdbc;
    private final boolean postgres;

    ImportedAlertAudit(AuditLog audit, AlertRepository alerts, ObservableRepository observables,
                       CustomFieldValues customFields, JdbcTemplate jdbc, SqlDialect dialect) {
        this.audit = audit;
        this.alerts = alerts;
        this.observables = observables;
        this.customFields = customFields;
        this.jdbc = jdbc;
        this.postgres = dialect.postgres();
    }

    /** The entries of one transaction, gathered as the alerts are written. */
    public Entries entries(String actor, long at) {
        return new Entries(actor, at);
    }

    public final class Entries {
        private final String actor;
        private final long at;
        private final List<AlertRecord> created = new ArrayList<>();
        private final List<AlertRecord[]> updated = new ArrayList<>();

        private Entries(String actor, long at) {
            this.actor = actor;
            this.at = at;
        }

        /** An alert inserted as {@code a} and given this id, with no observables, custom fields or case template yet. */
        public void created(long id, AlertRecord a) {
            created.add(new AlertRecord(id, a.orgId(), a.type(), a.source(), a.sourceRef(), a.externalLink(), a.title(),
                    a.description(), a.severity(), a.date(), a.tlp(), a.pap(), a.flag(), a.status(), a.read(), a.follow(),
                    a.caseId(), a.summary(), a.assignee(), a.createdBy(), a.createdAt(), a.updatedBy(), a.updatedAt(), a.tags()));
        }

        /** A new alert written by {@link AlertBatchInsert} with this id. */
        public void created(long id, AlertBatchInsert.Row r) {
            created.add(new AlertRecord(id, r.orgId(), r.type(), r.source(), r.sourceRef(), r.externalLink(), r.title(),
                    r.description(), r.severity(), r.date(), r.tlp(), r.pap(), false, "New", false, true, null, null, null,
                    actor, at, null, null, r.tags()));
        }

        /** An alert rewritten from {@code before} to {@code after}; recorded only if a field other than the stamps changed. */
        public void updated(AlertRecord before, AlertRecord after) {
            if (!sameFields(before, after)) updated.add(new AlertRecord[] {before, after});
        }

        /** Writes the entries gathered: the updates' observable counts, custom fields and templates in three queries. */
        public void write() {
            Map<Long, AuditBatch> creates = new LinkedHashMap<>();
            for (AlertRecord a : created) {
                creates.computeIfAbsent(a.orgId(), org -> audit.batch(org, null, actor, "create", "alert", at))
                        .add(Ids.format(a.id()), AlertView.of(sorted(a), 0));
            }
            Map<Long, AuditBatch> updates = new LinkedHashMap<>();
            if (!updated.isEmpty()) {
                List<Long> ids = updated.stream().map(u -> u[0].id()).toList();
                Map<Long, Integer> counts = observables.countByAlert(ids);
                Map<Long, List<StoredValue>> values = customFields.of(ValueOwner.Kind.ALERT, ids);
                Map<Long, String> templates = alerts.caseTemplatesOf(ids);
                for (AlertRecord[] u : updated) {
                    long id = u[0].id();
                    int count = counts.getOrDefault(id, 0);
                    List<StoredValue> v = values.getOrDefault(id, List.of());
                    String template = templates.get(id);
                    updates.computeIfAbsent(u[0].orgId(), org -> audit.batch(org, null, actor, "update", "alert", at))
                            .add(Ids.format(id), view(u[0], count, v, template), view(u[1], count, v, template));
                }
            }
            List<AuditBatch> all = new ArrayList<>(creates.values());
            all.addAll(updates.values());
            if (all.isEmpty()) return;
            if (!postgres) {
                for (AuditBatch b : all) b.write(jdbc);
                return;
            }
            jdbc.execute((ConnectionCallback<Void>) c -> {
                for (AuditBatch b : all) b.write(c);
                return null;
            });
        }
    }

    /** The alert as {@link AlertService} records it: TheHive's view with its case template and custom fields. */
    private static Map<String, Object> view(AlertRecord a, int observableCount, List<StoredValue> values, String template) {
        Map<String, Object> out = AlertView.of(sorted(a), observableCount);
        if (template != null) out.put("caseTemplate", template);
        out.put("customFields", CustomFieldValuesView.list(values));
        return out;
    }

    /** Tags as the API reads them back: in order of name. */
    private static AlertRecord sorted(AlertRecord a) {
        return a.withTags(a.tags().stream().sorted().toList());
    }

    private static boolean sameFields(AlertRecord b, AlertRecord a) {
        return Objects.equals(b.externalLink(), a.externalLink()) && b.title().equals(a.title())
                && b.description().equals(a.description()) && b.severity() == a.severity() && b.date() == a.date()
                && b.tlp() == a.tlp() && b.pap() == a.pap() && b.flag() == a.flag() && b.status().equals(a.status())
                && b.read() == a.read() && b.follow() == a.follow() && Objects.equals(b.caseId(), a.caseId())
                && Objects.equals(b.summary(), a.summary()) && Objects.equals(b.assignee(), a.assignee())
                && b.tags().stream().sorted().toList().equals(a.tags().stream().sorted().toList());
    }
}
