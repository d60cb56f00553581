package io.sightline.server.customfields;

import io.sightline.server.query.QueryCustomFields;
import io.sightline.server.query.QueryField.Kind;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells the query engine where a custom field's values are and how to read them, so that cases and
 * alerts can be filtered and sorted on {@code customFields.<name>}: the typed column of
 * {@code custom_field_value} is the one {@link CustomFieldValueRepository} writes for the field's type.
 */
@Component
class CustomFieldQueryColumns implements QueryCustomFields {
    private final CustomFieldRepository definitions;

    CustomFieldQueryColumns(CustomFieldRepository definitions) {
        this.definitions = definitions;
    }

    @Override
    public Optional<Definition> find(String name) {
        return definitions.findByName(name).map(d -> new Definition(d.id(), d.name(), d.type().json(), kind(d.type()),
                CustomFieldValueRepository.column(d.type())));
    }

    private static Kind kind(CustomFieldType type) {
        return switch (type) {
            case STRING, URL -> Kind.STRING;
            case INTEGER, DATE -> Kind.NUMBER;
            case FLOAT -> Kind.DECIMAL;
            case BOOLEAN -> Kind.BOOLEAN;
        };
    }
}
