package io.sightline.server.web;

import io.sightline.server.api.ApiErrors;
import io.sightline.server.core.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The refusals of one form post, each at the field it concerns (or at the form as a whole), so the
 * page can be shown again with what was typed and every message beside its field. Shown by the
 * {@code fieldError} and {@code formErrors} fragments of {@code templates/fragments.html}.
 *
 * <p>Reading fields one by one ({@link #read}) reports every field that cannot be read, not only the
 * first; the domain's own refusal ({@link #refused}) is put at the field its message names.
 */
public final class FormErrors {
    /** A word of a refusal's message ("Expiry", "IP") and the form field it points to. */
    public record Hint(String word, String field) {}

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String> ofForm = new ArrayList<>();
    private int status = 400;

    /** No refusal: what a page shows before anything was sent. */
    public static FormErrors none() {
        return new FormErrors();
    }

    public void add(String field, String message) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** Reads one field; a refusal is noted at the field and the answer is null, so the next fields are still read. */
    public <T> T read(String field, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (DomainException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    /**
     * A refusal of the service: at the first field whose name the message gives ("Field title of
     * case…", "Expiry of an API key…"), else at the form. The hints are tried in order.
     */
    public void refused(DomainException e, Hint... hints) {
        status = Math.max(status, ApiErrors.statusOf(e));
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        for (Hint hint : hints) {
            String w = hint.word().toLowerCase(Locale.ROOT);
            if (lower.startsWith("field " + w + " ") || lower.startsWith(w + " ") || lower.contains(" " + w + " ")) {
                add(hint.field(), message);
                return;
            }
        }
        ofForm.add(message);
    }

    public static Hint hint(String word, String field) {
        return new Hint(word, field);
    }

    public boolean any() {
        return !byField.isEmpty() || !ofForm.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The messages at a field, in the order they were found. */
    public List<String> at(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** The messages that concern no single field. */
    public List<String> form() {
        return List.copyOf(ofForm);
    }

    /** The HTTP status of the page shown again: 400 for unreadable fields, else the refusal's (404, 409, …). */
    public int status() {
        return status;
    }
}
