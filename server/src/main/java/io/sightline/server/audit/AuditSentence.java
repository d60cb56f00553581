package io.sightline.server.audit;

import java.util.List;

/**
 * An audit entry as a reader takes it in: who ({@code actor}, in words), what ({@code predicate},
 * e.g. "closed the case as TruePositive"), when ({@code at}, epoch millis) and, for a change, each
 * field that changed with its name in words and its values before and after, ready to show.
 */
public record AuditSentence(long at, String actor, String predicate, List<FieldChange> changes) {

    /** One changed field; a value is null where the field was not set. */
    public record FieldChange(String field, String before, String after) {}

    /** The whole sentence, as plain text. */
    public String text() {
        return actor + " " + predicate;
    }
}
