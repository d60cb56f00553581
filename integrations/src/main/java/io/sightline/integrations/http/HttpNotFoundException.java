package io.sightline.integrations.http;

/** 404: the resource does not exist (or is not visible to this key). Never retried. */
public class HttpNotFoundException extends HttpStatusException {

    public HttpNotFoundException(String target, String method, String url, int attempts, RemoteError error) {
        super(target, method, url, attempts, 404, error, null);
    }
}
