package io.sightline.integrations.http;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * One failed attempt: the exception to throw if we stop here, whether another attempt may help,
 * whether the request certainly never reached the server, and the server's Retry-After.
 */
record Failure(HttpTargetException exception, boolean transientProblem, boolean requestNotSent, Duration retryAfter) {

    /** Describes a failure that happened before a status was received. */
    static Failure fromThrowable(Throwable error, CallContext ctx, Duration requestTimeout, Duration connectTimeout) {
        String method = ctx.method();
        String url = ctx.url();
        int attempt = ctx.attempt();
        String target = ctx.target();
        if (error instanceof HttpConnectTimeoutException) {
            return new Failure(new HttpRequestTimeoutException(target, method, url, attempt, "connecting",
                    connectTimeout, error), true, true, null);
        }
        if (error instanceof HttpTimeoutException) {
            return new Failure(new HttpRequestTimeoutException(target, method, url, attempt, "waiting for the answer",
                    requestTimeout, error), true, false, null);
        }
        DiagnosingTrustManager.DiagnosedCertificateException diagnosed = findCause(error,
                DiagnosingTrustManager.DiagnosedCertificateException.class);
        if (diagnosed != null) {
            return new Failure(new HttpTlsException(target, method, url, attempt, diagnosed.getMessage(), error),
                    false, true, null);
        }
        SSLException ssl = findCause(error, SSLException.class);
        if (ssl != null) {
            return new Failure(new HttpTlsException(target, method, url, attempt, tlsReason(ssl), error),
                    false, ssl instanceof SSLHandshakeException, null);
        }
        if (findCause(error, UnresolvedAddressException.class) != null) {
            return new Failure(new HttpConnectException(target, method, url, attempt,
                    "unknown host " + ctx.host(), error), true, true, null);
        }
        if (findCause(error, ConnectException.class) != null) {
            return new Failure(new HttpConnectException(target, method, url, attempt,
                    "connection refused by " + ctx.host() + " (is the server running and the port right?)", error),
                    true, true, null);
        }
        String detail = ctx.scrub(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        return new Failure(new HttpConnectException(target, method, url, attempt,
                "connection failed: " + detail, error), true, false, null);
    }

    /** Describes a non-2xx answer. */
    static Failure fromStatus(int status, HttpHeaders headers, String body, CallContext ctx, Clock clock) {
        String target = ctx.target();
        String method = ctx.method();
        String url = ctx.url();
        int attempt = ctx.attempt();
        RemoteError error = RemoteError.parse(ctx.scrub(body));
        if (status == 401 || status == 403) {
            return new Failure(new HttpAuthException(target, method, url, attempt, status, error), false, false, null);
        }
        if (status == 404) {
            return new Failure(new HttpNotFoundException(target, method, url, attempt, error), false, false, null);
        }
        if (status >= 300 && status < 400) {
            String location = headers.firstValue("Location").map(ctx::scrub).orElse("(no Location header)");
            RemoteError redirect = new RemoteError(null, "redirected to " + location
                    + "; configure the final URL of the server", error.excerpt());
            return new Failure(new HttpStatusException(target, method, url, attempt, status, redirect, null),
                    false, false, null);
        }
        Duration retryAfter = RetryDecision.parseRetryAfter(headers.firstValue("Retry-After").orElse(null), clock)
                .orElse(null);
        return new Failure(new HttpStatusException(target, method, url, attempt, status, error, retryAfter),
                RetryDecision.isRetryableStatus(status), false, retryAfter);
    }

    private static String tlsReason(SSLException ssl) {
        String message = String.valueOf(ssl.getMessage());
        if (message.contains("nrecognized SSL message") || message.contains("plaintext connection")) {
            return "the server did not answer with TLS (is it plain http rather than https?)";
        }
        if (message.contains("handshake_failure") || message.contains("protocol_version")
                || message.contains("No appropriate protocol")) {
            return "no TLS version or cipher suite in common with the server (" + message + ")";
        }
        return message;
    }

    static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    /** Where a failure happened, for messages. */
    record CallContext(String target, String method, String url, String host, int attempt, Redactor redactor) {
        String scrub(String text) {
            return redactor.scrub(text);
        }
    }
}
