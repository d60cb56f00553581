package io.sightline.integrations.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The target answered with a status that is not 2xx. Carries the remote error message when the
 * body had one (Cortex and TheHive {@code {type, message}}, Stixify {@code {code, message}}, MISP
 * {@code {name, message}}) and a short excerpt of the body otherwise.
 */
public class HttpStatusException extends HttpTargetException {

    private final int status;
    private final String remoteType;
    private final String remoteMessage;
    private final String bodyExcerpt;
    private final Duration retryAfter;

    public HttpStatusException(String target, String method, String url, int attempts, int status,
            RemoteError error, Duration retryAfter) {
        super(target, method, url, attempts, describe(status, error, retryAfter), null);
        this.status = status;
        this.remoteType = error.type();
        this.remoteMessage = error.message();
        this.bodyExcerpt = error.excerpt();
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The remote error type, e.g. Cortex's "NotFoundError" or "RateLimitExceeded", if any. */
    public Optional<String> remoteType() {
        return Optional.ofNullable(remoteType);
    }

    /** The remote error message as the server wrote it, if any. */
    public Optional<String> remoteMessage() {
        return Optional.ofNullable(remoteMessage);
    }

    /** The first few hundred characters of the error body (secrets removed). */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** The server's Retry-After, when it sent a usable one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return RetryDecision.isRetryableStatus(status);
    }

    private static String describe(int status, RemoteError error, Duration retryAfter) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        String reason = StatusReasons.reason(status);
        if (!reason.isEmpty()) {
            text.append(' ').append(reason);
        }
        String detail = error.describe();
        if (!detail.isEmpty()) {
            text.append(" - ").append(detail);
        }
        if (retryAfter != null) {
            text.append(" (the server asks to retry after ").append(Durations.human(retryAfter)).append(')');
        }
        return text.toString();
    }
}
