package io.sightline.server.customfields;

import io.sightline.server.api.JsonInput;
import io.sightline.server.core.Invalid;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** A typed custom field value, one kind per {@link CustomFieldType}. */
public sealed interface CustomFieldValue {
    int MAX_TEXT = 8192;

    record Text(String text) implements CustomFieldValue {
        public CustomFieldType type() { return CustomFieldType.STRING; }

        public Object json() { return text; }
    }

    record Whole(long number) implements CustomFieldValue {
        public CustomFieldType type() { return CustomFieldType.INTEGER; }

        public Object json() { return number; }
    }

    record Decimal(double number) implements CustomFieldValue {
        public CustomFieldType type() { return CustomFieldType.FLOAT; }

        public Object json() { return number; }
    }

    record Flag(boolean flag) implements CustomFieldValue {
        public CustomFieldType type() { return CustomFieldType.BOOLEAN; }

        public Object json() { return flag; }
    }

    /** Epoch milliseconds, as every date of TheHive's API. */
    record Date(long epochMillis) implements CustomFieldValue {
        public CustomFieldType type() { return CustomFieldType.DATE; }

        public Object json() { return epochMillis; }
    }

    record Url(String url) implements CustomFieldValue {
        public CustomFieldType type() { return CustomFieldType.URL; }

        public Object json() { return url; }
    }

    CustomFieldType type();

    /** The value as TheHive's JSON shows it. */
    Object json();

    /**
     * Types a client's value for the named field; a value of the wrong kind is refused naming the
     * field. JSON null gives null (a field set without a value). Options are not checked here.
     */
    static CustomFieldValue parse(String field, CustomFieldType type, RawValue raw) {
        if (raw instanceof RawValue.Null) return null;
        CustomFieldValue v = null;
        if (raw instanceof RawValue.Text t) {
            if (type == CustomFieldType.STRING) v = new Text(text(field, t.text()));
            if (type == CustomFieldType.URL) v = new Url(url(field, t.text()));
        } else if (raw instanceof RawValue.Number n) {
            if (type == CustomFieldType.INTEGER) v = whole(n.number()).map(Whole::new).orElse(null);
            if (type == CustomFieldType.DATE) v = whole(n.number()).map(Date::new).orElse(null);
            if (type == CustomFieldType.FLOAT && Double.isFinite(n.number().doubleValue())) v = new Decimal(n.number().doubleValue());
        } else if (raw instanceof RawValue.Bool b && type == CustomFieldType.BOOLEAN) {
            v = new Flag(b.bool());
        }
        if (v == null) {
            throw new Invalid("Custom field " + field + " is of type " + type.json() + " and cannot hold "
                    + raw.describe() + " (expected " + expected(type) + ")");
        }
        return v;
    }

    private static String expected(CustomFieldType type) {
        return switch (type) {
            case STRING -> "a string";
            case URL -> "an absolute URL string";
            case INTEGER -> "an integer";
            case DATE -> "a date in epoch milliseconds";
            case FLOAT -> "a number";
            case BOOLEAN -> "true or false";
        };
    }

    private static String text(String field, String s) {
        return JsonInput.storable(field, "custom field values", s, MAX_TEXT);
    }

    private static String url(String field, String s) {
        text(field, s);
        try {
            URI uri = new URI(s);
            if (uri.isAbsolute() && uri.getScheme() != null) return s;
        } catch (URISyntaxException ignored) {
            // refused below
        }
        throw new Invalid("Custom field " + field + " is of type url and cannot hold \"" + s + "\" (expected an absolute URL)");
    }

    private static Optional<Long> whole(BigDecimal n) {
        try {
            return Optional.of(n.stripTrailingZeros().longValueExact());
        } catch (ArithmeticException notWhole) {
            return Optional.empty();
        }
    }
}
