package io.sightline.server.customfields;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Custom field definitions: platform-wide, read by everyone, changed by platform admins only. */
@Service
public class CustomFieldService {
    private static final Pattern NAME = Pattern.compile("\\S+");

    private final CustomFieldRepository fields;
    private final CustomFieldValueRepository values;
    private final AuditLog audit;
    private final Clock clock;

    CustomFieldService(CustomFieldRepository fields, CustomFieldValueRepository values, AuditLog audit, Clock clock) {
        this.fields = fields;
        this.values = values;
        this.audit = audit;
        this.clock = clock;
    }

    public List<CustomFieldDefinition> list(Principal p) {
        p.require(Permission.READ);
        return fields.all();
    }

    public CustomFieldDefinition get(Principal p, String idOrName) {
        p.require(Permission.READ);
        return find(idOrName);
    }

    @Transactional
    public CustomFieldDefinition create(Principal p, NewCustomField c) {
        p.require(Permission.MANAGE_PLATFORM);
        if (!NAME.matcher(c.name()).matches()) {
            throw new Invalid("The name of a custom field is its identifier and must not contain spaces: '" + c.name() + "'");
        }
        if (fields.findByName(c.name()).isPresent()) throw new Conflict("Custom field " + c.name() + " already exists");
        long now = clock.millis();
        CustomFieldDefinition draft = new CustomFieldDefinition(0, c.name(),
                c.displayName() == null ? c.name() : c.displayName(), c.group(), c.description(), c.type(),
                options(c.name(), c.type(), c.options()), c.mandatory(), p.login(), now, null, null);
        long id = fields.insert(draft);
        CustomFieldDefinition created = fields.findById(id).orElseThrow();
        audit.record(p, "create", "customField", Ids.format(id), null, CustomFieldView.of(created));
        return created;
    }

    @Transactional
    public CustomFieldDefinition update(Principal p, String idOrName, CustomFieldChanges c) {
        p.require(Permission.MANAGE_PLATFORM);
        CustomFieldDefinition before = find(idOrName);
        CustomFieldType type = c.type().orElse(before.type());
        if (type != before.type() && values.countOf(before.id()) > 0) {
            throw new Invalid("Custom field " + before.name() + " holds values of type " + before.type().json()
                    + "; its type cannot change to " + type.json());
        }
        List<CustomFieldValue> options = c.options().map(o -> options(before.name(), type, o))
                .orElseGet(() -> retyped(before, type));
        CustomFieldDefinition after = new CustomFieldDefinition(before.id(), before.name(),
                c.displayName().orElse(before.displayName()), c.group().orElse(before.group()),
                c.description().orElse(before.description()), type, options, c.mandatory().orElse(before.mandatory()),
                before.createdBy(), before.createdAt(), p.login(), clock.millis());
        fields.update(after);
        audit.record(p, "update", "customField", Ids.format(after.id()), CustomFieldView.of(before), CustomFieldView.of(after));
        return after;
    }

    /** Deletes a definition; one that records use goes only with force, and takes their values with it. */
    @Transactional
    public void delete(Principal p, String idOrName, boolean force) {
        p.require(Permission.MANAGE_PLATFORM);
        CustomFieldDefinition d = find(idOrName);
        long used = values.countOf(d.id());
        if (used > 0 && !force) {
            throw new Invalid("Custom field " + d.name() + " holds " + used + " value" + (used > 1 ? "s" : "")
                    + "; delete it with force=true to remove them too");
        }
        fields.delete(d.id());
        audit.record(p, "delete", "customField", Ids.format(d.id()), CustomFieldView.of(d), null);
    }

    private CustomFieldDefinition find(String idOrName) {
        var found = Ids.looksLikeId(idOrName) ? fields.findById(Ids.parse(idOrName, "CustomField")) : fields.findByName(idOrName);
        return found.orElseThrow(() -> new NotFound("CustomField " + idOrName + " not found"));
    }

    private static List<CustomFieldValue> options(String field, CustomFieldType type, List<RawValue> raw) {
        List<CustomFieldValue> out = new ArrayList<>();
        for (RawValue r : raw) {
            CustomFieldValue v = CustomFieldValue.parse(field, type, r);
            if (v == null) throw new Invalid("The options of custom field " + field + " must not contain null");
            if (!out.contains(v)) out.add(v);
        }
        return List.copyOf(out);
    }

    /** A change of type without new options keeps the old ones only if they fit the new type. */
    private static List<CustomFieldValue> retyped(CustomFieldDefinition before, CustomFieldType type) {
        if (type == before.type()) return before.options();
        List<RawValue> raw = new ArrayList<>();
        for (CustomFieldValue o : before.options()) {
            Object j = o.json();
            raw.add(j instanceof String s ? new RawValue.Text(s)
                    : j instanceof Boolean b ? new RawValue.Bool(b)
                    : new RawValue.Number(new java.math.BigDecimal(j.toString())));
        }
        return options(before.name(), type, raw);
    }
}
