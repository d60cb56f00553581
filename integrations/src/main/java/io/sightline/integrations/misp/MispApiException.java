package io.sightline.integrations.misp;

import io.sightline.integrations.misp.model.MispException;

import io.sightline.integrations.http.HttpStatusException;

/**
 * MISP refused a request and said why: its {@code name}, {@code message} and {@code errors} (for
 * validation failures, e.g. {@code {"Event":{"info":["Info cannot be empty."]}}}) are kept so that
 * the user sees MISP's own reason. The cause is the HTTP layer's {@link HttpStatusException}.
 */
public class MispApiException extends MispException {

    private final int status;
    private final String mispName;
    private final String mispMessage;
    private final String errors;

    public MispApiException(String action, int status, String mispName, String mispMessage, String errors,
                            HttpStatusException cause) {
        super(describe(action, status, mispName, mispMessage, errors), cause);
        this.status = status;
        this.mispName = mispName;
        this.mispMessage = mispMessage;
        this.errors = errors;
    }

    /** HTTP status of MISP's answer (MISP uses 403 for validation failures and 404 for unknown ids). */
    public int status() {
        return status;
    }

    /** MISP's {@code name}, e.g. {@code Could not add Event}; may be null. */
    public String mispName() {
        return mispName;
    }

    /** MISP's {@code message}; may be null. */
    public String mispMessage() {
        return mispMessage;
    }

    /** MISP's {@code errors} as JSON text; null when MISP gave none. */
    public String errors() {
        return errors;
    }

    private static String describe(String action, int status, String name, String message, String errors) {
        StringBuilder text = new StringBuilder("MISP refused to ").append(action).append(" (HTTP ").append(status).append(')');
        if (name != null) {
            text.append(": ").append(name);
        }
        if (message != null && !message.equals(name)) {
            text.append(name != null ? " - " : ": ").append(message);
        }
        if (errors != null) {
            text.append(" - errors: ").append(errors);
        }
        return text.toString();
    }
}
