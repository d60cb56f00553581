package io.sightline.integrations.http;

/**
 * The TLS handshake failed; {@link #reason()} says why in plain words, e.g. "certificate not
 * trusted: self-signed certificate CN=misp.local" or "host name mismatch: ...".
 */
public class HttpTlsException extends HttpTargetException {

    private final String reason;

    public HttpTlsException(String target, String method, String url, int attempts, String reason, Throwable cause) {
        super(target, method, url, attempts, "TLS handshake failed: " + reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
