/**
 * The one resilient HTTP layer every Sightline client uses, on {@code java.net.http.HttpClient}.
 *
 * <p>One {@link io.sightline.integrations.http.HttpTarget} per remote server, configured by an
 * immutable {@link io.sightline.integrations.http.HttpTargetConfig}:
 * <pre>{@code
 * HttpTarget misp = HttpTarget.create(HttpTargetConfig.builder("misp:prod", "https://misp.example")
 *         .auth(HttpAuth.rawKey(key))                  // MISP: "Authorization: <key>"
 *         .tls(TlsSettings.trusting(Path.of("ca.pem")))  // or TlsSettings.acceptAny()
 *         .requestTimeout(Duration.ofMinutes(5))
 *         .retry(RetryPolicy.of(5, Duration.ofSeconds(1), Duration.ofSeconds(60)))
 *         .rateLimit(RateLimit.perSecond(5)).maxConcurrentRequests(4)
 *         .build());
 * JsonNode version = misp.json().get("/servers/getVersion");
 * Event e = misp.json().send(HttpCall.post("/events/restSearch").json(query).retryable().build(), Event.class);
 * misp.json().stream(HttpCall.get("/attributes/restSearch").build(), parser -> ...); // bounded memory
 * }</pre>
 *
 * <p>Retries: I/O errors, timeouts, 408, 429 and 5xx (not 501/505), exponential backoff with full
 * jitter, {@code Retry-After} in seconds or as an HTTP date (0, missing or past = use the backoff;
 * longer than {@link io.sightline.integrations.http.RetryPolicy#maxRetryAfter()} = give up).
 * Idempotent methods retry by default; POST only when the request never reached the server, or
 * after a 429 with {@link io.sightline.integrations.http.RetryMode#WHEN_REJECTED}, or always with
 * {@link io.sightline.integrations.http.RetryMode#ALWAYS}.
 *
 * <p>Failures are {@link io.sightline.integrations.http.HttpTargetException}s with messages meant
 * for a status page and free of secrets: {@code HttpStatusException} (with the remote error
 * message), {@code HttpAuthException} (401/403), {@code HttpNotFoundException},
 * {@code HttpTlsException} (with the reason: self-signed, untrusted CA, host name mismatch, expired,
 * plain http), {@code HttpRequestTimeoutException}, {@code HttpConnectException},
 * {@code HttpResponseParseException} (line, column and field of bad JSON).
 */
package io.sightline.integrations.http;
