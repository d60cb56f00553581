package io.sightline.integrations.http;

/**
 * Base of every failure of a call to a remote target. The message is meant for people (it is
 * shown in connector health) and never contains the target's secret.
 */
public class HttpTargetException extends RuntimeException {

    private final String target;
    private final String method;
    private final String url;
    private final int attempts;

    public HttpTargetException(String target, String method, String url, int attempts, String problem,
            Throwable cause) {
        super(compose(target, method, url, attempts, problem), cause);
        this.target = target;
        this.method = method;
        this.url = url;
        this.attempts = attempts;
    }

    /** Name of the target as configured. */
    public String target() {
        return target;
    }

    public String method() {
        return method;
    }

    /** Request URL, scrubbed of secrets. */
    public String url() {
        return url;
    }

    /** How many attempts were made before giving up. */
    public int attempts() {
        return attempts;
    }

    /** True when trying again later may succeed (the remote side or the network was the problem). */
    public boolean isTransient() {
        return false;
    }

    private static String compose(String target, String method, String url, int attempts, String problem) {
        StringBuilder text = new StringBuilder();
        text.append(target).append(": ").append(method).append(' ').append(url).append(" failed: ").append(problem);
        if (attempts > 1) {
            text.append(" (gave up after ").append(attempts).append(" attempts)");
        }
        return text.toString();
    }
}
