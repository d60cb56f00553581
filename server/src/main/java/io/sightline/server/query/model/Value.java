package io.sightline.server.query.model;

/** A value a filter compares with, already converted to the kind of its field. */
public sealed interface Value {
    /** What is bound to the statement's parameter. */
    Object bound();

    record Text(String value) implements Value {
        public Object bound() { return value; }
    }

    /** Numbers, dates (epoch milliseconds), record ids and TLP/PAP levels. */
    record Whole(long value) implements Value {
        public Object bound() { return value; }
    }

    /** A floating-point number (a custom field of type float). */
    record Decimal(double value) implements Value {
        public Object bound() { return value; }
    }

    record Bool(boolean value) implements Value {
        public Object bound() { return value; }
    }

    /** Only compared for (in)equality: {@code IS NULL}, {@code IS NOT NULL}. */
    record Null() implements Value {
        public Object bound() { return null; }
    }
}
