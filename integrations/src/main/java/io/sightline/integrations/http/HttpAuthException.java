package io.sightline.integrations.http;

/** 401 or 403: the key is wrong, expired or lacks a permission. Never retried. */
public class HttpAuthException extends HttpStatusException {

    public HttpAuthException(String target, String method, String url, int attempts, int status, RemoteError error) {
        super(target, method, url, attempts, status, error, null);
    }

    /** True for 401 (not authenticated), false for 403 (authenticated but not allowed). */
    public boolean isUnauthenticated() {
        return status() == 401;
    }
}
