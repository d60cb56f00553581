package io.sightline.integrations.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a target, described without reference to the target itself.
 *
 * @param method    HTTP method
 * @param path      path below the target's base URL ("/api/status"), or an absolute URL that starts
 *                  with the base URL (e.g. a "next page" link); anything else is refused so that the
 *                  credentials never travel to another host
 * @param query     query parameters
 * @param headers   extra headers
 * @param body      request body or null
 * @param retryMode whether failures may be retried
 * @param timeout   per-call timeout overriding the target's request timeout, or null
 */
public record HttpCall(HttpMethod method, String path, QueryParams query, Map<String, String> headers,
        RequestBody body, RetryMode retryMode, Duration timeout) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? QueryParams.empty() : query;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        retryMode = retryMode == null ? RetryMode.DEFAULT : retryMode;
    }

    public static Builder get(String path) {
        return new Builder(HttpMethod.GET, path);
    }

    public static Builder post(String path) {
        return new Builder(HttpMethod.POST, path);
    }

    public static Builder put(String path) {
        return new Builder(HttpMethod.PUT, path);
    }

    public static Builder delete(String path) {
        return new Builder(HttpMethod.DELETE, path);
    }

    public static Builder of(HttpMethod method, String path) {
        return new Builder(method, path);
    }

    /** Whether a transient failure of this call may be retried. */
    boolean mayRetry(boolean requestCertainlyNotSent, boolean rejectedUnprocessed) {
        return switch (retryMode) {
            case NEVER -> false;
            case ALWAYS -> true;
            case DEFAULT -> method.isIdempotent() || requestCertainlyNotSent;
            case WHEN_REJECTED -> method.isIdempotent() || requestCertainlyNotSent || rejectedUnprocessed;
        };
    }

    public static final class Builder {
        private final HttpMethod method;
        private final String path;
        private QueryParams query = QueryParams.empty();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private RequestBody body;
        private RetryMode retryMode = RetryMode.DEFAULT;
        private Duration timeout;

        private Builder(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder query(QueryParams value) {
            this.query = value;
            return this;
        }

        public Builder query(String name, Object value) {
            this.query = query.and(name, value);
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(RequestBody value) {
            this.body = value;
            return this;
        }

        public Builder json(Object value) {
            return body(RequestBody.json(value));
        }

        public Builder multipart(MultipartBody value) {
            return body(value.toRequestBody());
        }

        public Builder retry(RetryMode value) {
            this.retryMode = value;
            return this;
        }

        /** Shortcut for {@code retry(RetryMode.ALWAYS)}: the caller vouches that repeating is harmless. */
        public Builder retryable() {
            return retry(RetryMode.ALWAYS);
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public HttpCall build() {
            return new HttpCall(method, path, query, headers, body, retryMode, timeout);
        }
    }
}
