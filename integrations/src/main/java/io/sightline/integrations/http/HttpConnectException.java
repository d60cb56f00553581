package io.sightline.integrations.http;

/** The target could not be reached or the connection broke (refused, unknown host, reset). */
public class HttpConnectException extends HttpTargetException {

    public HttpConnectException(String target, String method, String url, int attempts, String problem,
            Throwable cause) {
        super(target, method, url, attempts, problem, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
