package io.sightline.server.customfields;

import java.math.BigDecimal;

/**
 * A custom field value as the client wrote it, before its field's definition gives it a type:
 * JSON's scalars only. Controllers build it; {@link CustomFieldValue#parse} types it.
 */
public sealed interface RawValue {
    record Text(String text) implements RawValue {
        @Override
        public String describe() {
            return "string \"" + (text.length() <= 40 ? text : text.substring(0, 40) + "…") + "\"";
        }
    }

    record Number(BigDecimal number) implements RawValue {
        @Override
        public String describe() {
            return "number " + number.toPlainString();
        }
    }

    record Bool(boolean bool) implements RawValue {
        @Override
        public String describe() {
            return "boolean " + bool;
        }
    }

    /** JSON null: the field is set on the record but holds no value. */
    record Null() implements RawValue {
        @Override
        public String describe() {
            return "null";
        }
    }

    /** An array or object where a scalar was expected. */
    record Structured(String describe) implements RawValue {}

    /** What the client sent, for error messages. */
    String describe();
}
