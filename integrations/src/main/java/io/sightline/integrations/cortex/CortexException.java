package io.sightline.integrations.cortex;

import io.sightline.integrations.http.HttpTargetException;
import java.util.Optional;

/**
 * A failed Cortex call. The message is the HTTP layer's (target, method, URL, status, Cortex's
 * own {@code type: message}) followed by a hint on what to do; it never contains the API key.
 */
public class CortexException extends RuntimeException {

    private final CortexErrorKind kind;
    private final String cortexType;
    private final String cortexMessage;
    private final int status;

    public CortexException(CortexErrorKind kind, String message, String cortexType, String cortexMessage, int status,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.cortexType = cortexType;
        this.cortexMessage = cortexMessage;
        this.status = status;
    }

    public CortexErrorKind kind() {
        return kind;
    }

    /** Cortex's error {@code type}, e.g. "RateLimitExceeded". */
    public Optional<String> cortexType() {
        return Optional.ofNullable(cortexType);
    }

    /** Cortex's error {@code message} as Cortex wrote it. */
    public Optional<String> cortexMessage() {
        return Optional.ofNullable(cortexMessage);
    }

    /** HTTP status, or 0 when no answer was received. */
    public int status() {
        return status;
    }

    /** The HTTP layer failure behind this one, if any. */
    public Optional<HttpTargetException> httpFailure() {
        return getCause() instanceof HttpTargetException http ? Optional.of(http) : Optional.empty();
    }
}
