package io.sightline.integrations.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resilient HTTP client of one remote target (one MISP, one Cortex, ...). Thread-safe; share
 * one instance per target. Every call goes through the target's throttle, is retried on transient
 * failures with exponential backoff and full jitter (or the server's {@code Retry-After}), and
 * fails with a precise {@link HttpTargetException} whose message is safe to show to users.
 * JSON helpers live in {@link JsonCalls} ({@link #json()}).
 */
public final class HttpTarget {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTarget.class);
    private static final int ERROR_BODY_LIMIT = 16 * 1024;

    private final HttpTargetConfig config;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Throttle throttle;
    private final Redactor redactor;
    private final JsonCalls json;

    public HttpTarget(HttpTargetConfig config, Sleeper sleeper, Clock clock) {
        this.config = config;
        this.sleeper = sleeper;
        this.clock = clock;
        this.redactor = new Redactor(config.auth().secrets());
        this.throttle = new Throttle(config.maxConcurrentRequests(), config.rateLimit(), clock, sleeper);
        this.client = buildClient(config);
        this.json = new JsonCalls(this, HttpJson.MAPPER);
    }

    /** A target with the real clock and real waiting. */
    public static HttpTarget create(HttpTargetConfig config) {
        return new HttpTarget(config, Sleeper.SYSTEM, Clock.systemUTC());
    }

    public HttpTargetConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /** JSON requests and answers over this target. */
    public JsonCalls json() {
        return json;
    }

    /** Sends a call and returns the answer as text (charset from Content-Type, UTF-8 by default). */
    public HttpReply<String> send(HttpCall call) {
        HttpReply<byte[]> reply = sendForBytes(call);
        return new HttpReply<>(reply.status(), reply.headers(),
                new String(reply.body(), charsetOf(reply.header("Content-Type").orElse(""))));
    }

    /** Sends a call and returns the whole answer body; meant for bodies that fit in memory. */
    public HttpReply<byte[]> sendForBytes(HttpCall call) {
        HttpReply<?> reply = execute(call, false);
        return new HttpReply<>(reply.status(), reply.headers(), (byte[]) reply.body());
    }

    /**
     * Sends a call and returns the body as a stream, for large answers. The caller must close the
     * stream; until then the call holds one of the target's concurrency slots. The request
     * timeout covers the wait for the headers, not the reading.
     */
    public HttpReply<InputStream> openStream(HttpCall call) {
        HttpReply<?> reply = execute(call, true);
        return new HttpReply<>(reply.status(), reply.headers(), (InputStream) reply.body());
    }

    /** Sends a call, hands the streamed body to {@code reader}, and closes the stream. */
    public <T> T readStream(HttpCall call, StreamReader<T> reader) {
        HttpReply<InputStream> reply = openStream(call);
        try (InputStream in = reply.body()) {
            return reader.read(in);
        } catch (IOException e) {
            throw new HttpConnectException(name(), call.method().name(), shownUrl(call), 1,
                    "reading the answer failed: " + redactor.scrub(String.valueOf(e.getMessage())), e);
        }
    }

    /** The full URL a call goes to. */
    public URI resolve(String path, QueryParams query) {
        String base = config.baseUri().toString();
        String url;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            if (!(path.equals(base) || path.startsWith(base + "/") || path.startsWith(base + "?"))) {
                throw new IllegalArgumentException(name() + ": refusing to send credentials to " + redactor.scrub(path)
                        + ", which is outside " + base);
            }
            url = path;
        } else {
            url = base + (path.startsWith("/") ? path : "/" + path);
        }
        if (!query.isEmpty()) {
            url += (url.contains("?") ? "&" : "?") + query.encode();
        }
        return URI.create(url);
    }

    String shownUrl(HttpCall call) {
        return redactor.url(resolve(call.path(), call.query()));
    }

    /** Runs the attempts; the reply body is a byte[] or, when streaming, an InputStream. */
    private HttpReply<?> execute(HttpCall call, boolean streaming) {
        URI uri = resolve(call.path(), call.query());
        String url = redactor.url(uri);
        Duration timeout = call.timeout() != null ? call.timeout() : config.requestTimeout();
        HttpRequest request = buildRequest(call, uri, timeout);
        RetryPolicy policy = config.retry();
        for (int attempt = 1; ; attempt++) {
            Failure.CallContext ctx = new Failure.CallContext(name(), call.method().name(), url, uri.getHost(),
                    attempt, redactor);
            Attempt outcome = attemptOnce(request, streaming, timeout, ctx);
            if (outcome.reply() != null) {
                return outcome.reply();
            }
            Failure failure = outcome.failure();
            boolean rejected = failure.exception() instanceof HttpStatusException status && status.status() == 429;
            boolean retry = failure.transientProblem() && attempt < policy.maxAttempts()
                    && call.mayRetry(failure.requestNotSent(), rejected);
            if (!retry) {
                throw failure.exception();
            }
            Duration wait = waitBeforeRetry(policy, attempt, failure);
            if (wait == null) {
                LOG.warn("{}: {} asked to retry after {}, longer than the {} allowed; giving up", name(), url,
                        Durations.human(failure.retryAfter()), Durations.human(policy.maxRetryAfter()));
                throw failure.exception();
            }
            LOG.info("{}: {} {} failed ({}); attempt {} of {}, retrying in {}", name(), call.method(), url,
                    shortProblem(failure.exception()), attempt, policy.maxAttempts(), Durations.human(wait));
            sleep(wait, ctx);
        }
    }

    private Attempt attemptOnce(HttpRequest request, boolean streaming, Duration timeout, Failure.CallContext ctx) {
        acquireSlot(ctx);
        boolean handedOver = false;
        try {
            if (streaming) {
                HttpResponse<InputStream> response = client.send(request, BodyHandlers.ofInputStream());
                if (isSuccess(response.statusCode())) {
                    handedOver = true;
                    return new Attempt(new HttpReply<>(response.statusCode(), response.headers(),
                            releasingOnClose(response.body())), null);
                }
                return new Attempt(null, Failure.fromStatus(response.statusCode(), response.headers(),
                        readErrorBody(response.body()), ctx, clock));
            }
            HttpResponse<byte[]> response = awaitBuffered(request, timeout);
            if (isSuccess(response.statusCode())) {
                return new Attempt(new HttpReply<>(response.statusCode(), response.headers(), response.body()), null);
            }
            byte[] body = response.body();
            String text = new String(body, 0, Math.min(body.length, ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
            return new Attempt(null, Failure.fromStatus(response.statusCode(), response.headers(), text, ctx, clock));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpTargetException(ctx.target(), ctx.method(), ctx.url(), ctx.attempt(), "interrupted", e);
        } catch (IOException e) {
            return new Attempt(null, Failure.fromThrowable(e, ctx, timeout, config.connectTimeout()));
        } finally {
            if (!handedOver) {
                throttle.release();
            }
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private HttpResponse<byte[]> awaitBuffered(HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        // Waiting on the future bounds the whole exchange, body included, by the timeout.
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, BodyHandlers.ofByteArray());
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("request timed out");
        } catch (ExecutionException e) {
            throw asIOException(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private static IOException asIOException(Throwable cause) {
        Throwable actual = cause;
        while ((actual instanceof CompletionException || actual instanceof ExecutionException)
                && actual.getCause() != null) {
            actual = actual.getCause();
        }
        if (actual instanceof IOException io) {
            return io;
        }
        if (actual instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new IOException(actual);
    }

    private Duration waitBeforeRetry(RetryPolicy policy, int attempt, Failure failure) {
        if (failure.retryAfter() != null) {
            return failure.retryAfter().compareTo(policy.maxRetryAfter()) <= 0 ? failure.retryAfter() : null;
        }
        long bound = policy.backoffBound(attempt).toMillis();
        return Duration.ofMillis(bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
    }

    private void sleep(Duration wait, Failure.CallContext ctx) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpTargetException(ctx.target(), ctx.method(), ctx.url(), ctx.attempt(),
                    "interrupted while waiting to retry", e);
        }
    }

    private void acquireSlot(Failure.CallContext ctx) {
        try {
            throttle.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpTargetException(ctx.target(), ctx.method(), ctx.url(), ctx.attempt(),
                    "interrupted while waiting for a free request slot", e);
        }
    }

    private HttpRequest buildRequest(HttpCall call, URI uri, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", config.userAgent());
        config.auth().apply(builder);
        boolean hasAccept = false;
        for (var header : call.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
            hasAccept |= header.getKey().equalsIgnoreCase("Accept");
        }
        if (!hasAccept) {
            builder.header("Accept", "application/json, */*;q=0.5");
        }
        if (call.body() != null) {
            builder.header("Content-Type", call.body().contentType());
            builder.method(call.method().name(), call.body().publisher());
        } else {
            builder.method(call.method().name(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private InputStream releasingOnClose(InputStream body) {
        AtomicBoolean released = new AtomicBoolean();
        return new FilterInputStream(body) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    if (released.compareAndSet(false, true)) {
                        throttle.release();
                    }
                }
            }
        };
    }

    private String readErrorBody(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(ERROR_BODY_LIMIT);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String shortProblem(HttpTargetException e) {
        String message = e.getMessage();
        int index = message.indexOf(" failed: ");
        return index < 0 ? message : message.substring(index + " failed: ".length());
    }

    private static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String trimmed = part.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(trimmed.substring(8).replace("\"", ""));
                } catch (RuntimeException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static HttpClient buildClient(HttpTargetConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                // Redirects are reported, not followed: following one would resend the credentials.
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("https".equalsIgnoreCase(config.baseUri().getScheme())) {
            builder.sslContext(TlsContexts.create(config.name(), config.tls()));
        }
        if (config.proxy() != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(config.proxy().host(), config.proxy().port())));
        }
        return builder.build();
    }

    /** Either a reply or the failure of one attempt. */
    private record Attempt(HttpReply<?> reply, Failure failure) {
    }

    /** Reads a streamed body; may throw Jackson's unchecked exceptions or IOException. */
    @FunctionalInterface
    public interface StreamReader<T> {
        T read(InputStream in) throws IOException;
    }
}
