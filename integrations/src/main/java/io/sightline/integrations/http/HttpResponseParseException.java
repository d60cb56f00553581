package io.sightline.integrations.http;

/** The answer was not the JSON we expected; the message says where it went wrong. */
public class HttpResponseParseException extends HttpTargetException {

    public HttpResponseParseException(String target, String method, String url, String problem, Throwable cause) {
        super(target, method, url, 1, problem, cause);
    }
}
