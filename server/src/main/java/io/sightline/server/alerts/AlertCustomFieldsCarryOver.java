package io.sightline.server.alerts;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.common.Ids;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.CustomFieldValuesView;
import io.sightline.server.customfields.ValueOwner;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An imported alert's custom field values, added to its case for the fields the case has no value
 * of (a merged case keeps its own); audited as an update of the case's custom fields.
 */
@Component
class AlertCustomFieldsCarryOver implements AlertCarryOver {
    private final CustomFieldValues customFields;
    private final AuditLog audit;

    AlertCustomFieldsCarryOver(CustomFieldValues customFields, AuditLog audit) {
        this.customFields = customFields;
        this.audit = audit;
    }

    @Override
    public void carry(Principal p, AlertRecord alert, CaseRecord target) {
        var before = CustomFieldValuesView.list(customFields.of(ValueOwner.Kind.CASE, target.id()));
        ValueOwner from = new ValueOwner(ValueOwner.Kind.ALERT, alert.id(), alert.orgId());
        if (!customFields.carry(from, new ValueOwner(ValueOwner.Kind.CASE, target.id(), target.orgId()))) return;
        var after = CustomFieldValuesView.list(customFields.of(ValueOwner.Kind.CASE, target.id()));
        audit.record(p, "update", "case", Ids.format(target.id()), Map.of("customFields", before), Map.of("customFields", after));
    }
}
