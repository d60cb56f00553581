package io.sightline.server.customfields;

import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The custom field values of cases, alerts and case templates, for the services owning those
 * records. They check the caller's permission and the record's organisation, and call this in
 * their own transaction (and audit the change as part of their record):
 * <pre>
 * List&lt;CheckedValue&gt; checked = customFields.check(command.customFields()); // before any write
 * ... write the record ...
 * customFields.replace(new ValueOwner(Kind.CASE, id, orgId), checked);
 * ... CustomFieldValuesView.list(customFields.of(Kind.CASE, ids).get(id)) in the view
 * </pre>
 */
@Service
public class CustomFieldValues {
    private final CustomFieldRepository definitions;
    private final CustomFieldValueRepository values;

    CustomFieldValues(CustomFieldRepository definitions, CustomFieldValueRepository values) {
        this.definitions = definitions;
        this.values = values;
    }

    /**
     * Types the client's values by their definitions, writing nothing. An unknown field, a value of
     * the wrong type or one not among the field's options is refused naming the field. A value
     * without an order takes its position in the list.
     */
    public List<CheckedValue> check(List<CustomFieldInput> inputs) {
        if (inputs.isEmpty()) return List.of();
        Set<String> names = inputs.stream().map(CustomFieldInput::name).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, CustomFieldDefinition> known = definitions.findByNames(names).stream()
                .collect(Collectors.toMap(CustomFieldDefinition::name, Function.identity()));
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            throw new Invalid("Unknown custom field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; an admin defines custom fields first (POST /api/v1/customField)");
        }
        List<CheckedValue> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            CustomFieldInput in = inputs.get(i);
            CustomFieldDefinition field = known.get(in.name());
            CustomFieldValue value = CustomFieldValue.parse(field.name(), field.type(), in.value());
            if (!field.allows(value)) {
                throw new Invalid("Custom field " + field.name() + " cannot hold " + in.value().describe()
                        + ": not among its options " + field.options().stream().map(o -> String.valueOf(o.json())).toList());
            }
            out.add(new CheckedValue(field, value, in.order() != null ? in.order() : i));
        }
        return out;
    }

    /** Refuses values that leave a mandatory field without a value, naming the fields. */
    public void requireMandatory(List<CheckedValue> checked, String what) {
        Set<String> given = checked.stream().filter(v -> v.value() != null).map(v -> v.field().name()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (CustomFieldDefinition d : definitions.all()) if (d.mandatory() && !given.contains(d.name())) missing.add(d.name());
        if (!missing.isEmpty()) {
            throw new Invalid("The " + what + " lacks a value for the mandatory custom field" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
    }

    /** Replaces every value of the record by the checked ones, in the caller's transaction. */
    public void replace(ValueOwner owner, List<CheckedValue> checked) {
        values.replace(owner, checked);
    }

    /**
     * Adds to {@code to} the values of {@code from} for the fields {@code to} has no value of, after
     * its own, in the caller's transaction (an alert's values going to its case, whose own values win).
     *
     * @return whether anything was added
     */
    public boolean carry(ValueOwner from, ValueOwner to) {
        List<StoredValue> own = of(to.kind(), to.id());
        Set<String> present = own.stream().map(StoredValue::name).collect(Collectors.toSet());
        List<StoredValue> added = of(from.kind(), from.id()).stream().filter(v -> !present.contains(v.name())).toList();
        if (added.isEmpty()) return false;
        Set<String> names = new LinkedHashSet<>(present);
        added.forEach(v -> names.add(v.name()));
        Map<String, CustomFieldDefinition> known = definitions.findByNames(names).stream()
                .collect(Collectors.toMap(CustomFieldDefinition::name, Function.identity()));
        List<CheckedValue> all = new ArrayList<>();
        int order = 0;
        for (StoredValue v : own) {
            all.add(new CheckedValue(known.get(v.name()), v.value(), v.order()));
            order = Math.max(order, v.order() + 1);
        }
        for (StoredValue v : added) all.add(new CheckedValue(known.get(v.name()), v.value(), order++));
        values.replace(to, all);
        return true;
    }

    public List<StoredValue> of(ValueOwner.Kind kind, long id) {
        return of(kind, List.of(id)).getOrDefault(id, List.of());
    }

    /** The values of many records at once (a list page): record id to its values in order; records without any are absent. */
    public Map<Long, List<StoredValue>> of(ValueOwner.Kind kind, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return values.of(kind, ids);
    }
}
