package io.sightline.integrations.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to talk to one remote server. Immutable; {@link #toString()} never shows the
 * secret (see {@link HttpAuth}).
 *
 * @param name                  short name shown in errors and health, e.g. "cortex:prod"
 * @param baseUri               base URL without trailing slash; request paths are appended to it
 * @param auth                  authentication style and secret
 * @param connectTimeout        TCP + TLS connect timeout
 * @param requestTimeout        time allowed for one attempt until the body of a small response is read
 *                              (for streamed responses: until the headers arrive)
 * @param retry                 retry policy
 * @param tls                   TLS trust settings
 * @param proxy                 HTTP proxy or null for a direct connection
 * @param rateLimit             client-side throttle or null for none
 * @param maxConcurrentRequests requests in flight at once (others wait); 0 = unlimited
 * @param userAgent             User-Agent header value
 */
public record HttpTargetConfig(
        String name,
        URI baseUri,
        HttpAuth auth,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retry,
        TlsSettings tls,
        ProxySettings proxy,
        RateLimit rateLimit,
        int maxConcurrentRequests,
        String userAgent) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    public static final String DEFAULT_USER_AGENT = "Sightline/0.1";

    public HttpTargetConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("target name must not be blank");
        }
        baseUri = normaliseBase(name, baseUri);
        Objects.requireNonNull(auth, "auth");
        requirePositive(name, connectTimeout, "connectTimeout");
        requirePositive(name, requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(tls, "tls");
        if (maxConcurrentRequests < 0) {
            throw new IllegalArgumentException(name + ": maxConcurrentRequests must not be negative");
        }
        if (userAgent == null || userAgent.isBlank()) {
            userAgent = DEFAULT_USER_AGENT;
        }
    }

    public static Builder builder(String name, String baseUrl) {
        return new Builder(name, baseUrl);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name, baseUri.toString());
        builder.auth = auth;
        builder.connectTimeout = connectTimeout;
        builder.requestTimeout = requestTimeout;
        builder.retry = retry;
        builder.tls = tls;
        builder.proxy = proxy;
        builder.rateLimit = rateLimit;
        builder.maxConcurrentRequests = maxConcurrentRequests;
        builder.userAgent = userAgent;
        return builder;
    }

    private static URI normaliseBase(String name, URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(name + ": base URL must start with http:// or https://, was '"
                    + withoutUserInfo(uri) + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(name + ": base URL has no host: '" + withoutUserInfo(uri) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + ": put credentials in auth, not in the base URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + ": base URL must not have a query or fragment: '" + uri + "'");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static String withoutUserInfo(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    private static void requirePositive(String name, Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + what + " must be positive, was " + value);
        }
    }

    /** Mutable builder with the defaults: no auth, 10 s connect, 2 min request, default retry, verified TLS. */
    public static final class Builder {
        private final String name;
        private final String baseUrl;
        private HttpAuth auth = HttpAuth.none();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private TlsSettings tls = TlsSettings.VERIFY;
        private ProxySettings proxy;
        private RateLimit rateLimit;
        private int maxConcurrentRequests;
        private String userAgent = DEFAULT_USER_AGENT;

        private Builder(String name, String baseUrl) {
            this.name = name;
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        public Builder auth(HttpAuth value) {
            this.auth = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        public Builder tls(TlsSettings value) {
            this.tls = value;
            return this;
        }

        public Builder proxy(ProxySettings value) {
            this.proxy = value;
            return this;
        }

        public Builder rateLimit(RateLimit value) {
            this.rateLimit = value;
            return this;
        }

        public Builder maxConcurrentRequests(int value) {
            this.maxConcurrentRequests = value;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public HttpTargetConfig build() {
            URI uri;
            try {
                uri = new URI(baseUrl.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(name + ": base URL is not a valid URL: " + e.getReason(), e);
            }
            return new HttpTargetConfig(name, uri, auth, connectTimeout, requestTimeout, retry, tls, proxy,
                    rateLimit, maxConcurrentRequests, userAgent);
        }
    }
}
