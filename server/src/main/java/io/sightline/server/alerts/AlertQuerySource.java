package io.sightline.server.alerts;

import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Alerts in {@code /api/v1/query}: {@code listAlert}, {@code getAlert}, a case's {@code alerts}. */
@Component
class AlertQuerySource implements QuerySource {
    private static final List<QueryField> FIELDS = QueryField.recordFieldsAnd(
            QueryField.tags(),
            QueryField.column("tlp", "tlp", Kind.LEVEL),
            QueryField.column("pap", "pap", Kind.LEVEL),
            QueryField.column("title", "title", Kind.STRING),
            QueryField.column("description", "description", Kind.STRING),
            QueryField.column("severity", "severity", Kind.NUMBER),
            QueryField.column("flag", "flag", Kind.BOOLEAN),
            QueryField.column("status", "status", Kind.STRING),
            QueryField.column("summary", "summary", Kind.STRING),
            QueryField.column("assignee", "assignee", Kind.STRING),
            QueryField.column("type", "type", Kind.STRING),
            QueryField.column("source", "source", Kind.STRING),
            QueryField.column("sourceRef", "source_ref", Kind.STRING),
            QueryField.column("externalLink", "external_link", Kind.STRING),
            QueryField.column("date", "alert_date", Kind.NUMBER),
            QueryField.column("read", "is_read", Kind.BOOLEAN),
            QueryField.column("follow", "follow", Kind.BOOLEAN),
            QueryField.column("caseId", "case_id", Kind.ID),
            QueryField.column("imported", "case_id", Kind.ID));

    private final AlertRepository alerts;
    private final ObservableRepository observables;
    private final CustomFieldValues customFields;

    AlertQuerySource(AlertRepository alerts, ObservableRepository observables, CustomFieldValues customFields) {
        this.customFields = customFields;
        this.alerts = alerts;
        this.observables = observables;
    }

    @Override public String entity() { return "alert"; }
    @Override public String label() { return "Alert"; }
    @Override public String table() { return "alert"; }
    @Override public String listStep() { return "listAlert"; }
    @Override public Optional<String> getStep() { return Optional.of("getAlert"); }
    @Override public List<QueryField> fields() { return FIELDS; }
    @Override public Optional<String> customFieldOwner() { return Optional.of(ValueOwner.Kind.ALERT.entity()); }
    @Override public String tagEntity() { return AlertRepository.TAG_ENTITY; }

    /** Each alert's view carries its observable count, read for the whole page at once. */
    @Override
    public List<?> views(List<Long> ids) {
        Map<Long, Integer> counts = observables.countByAlert(ids);
        // the page's custom field values in one query, not one per alert
        Map<Long, List<StoredValue>> values = customFields.of(ValueOwner.Kind.ALERT, ids);
        return QuerySource.inOrderOf(ids, alerts.byIds(ids), AlertRecord::id).stream()
                .map(a -> AlertView.withCustomFields(AlertView.of(a, counts.getOrDefault(a.id(), 0)),
                        values.getOrDefault(a.id(), List.of()))).toList();
    }

    /** A case's alerts: those imported into it. */
    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("alerts", "case", "t.case_id IN (" + QueryLink.PARENTS + ")"));
    }
}
