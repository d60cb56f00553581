package io.sightline.testkit.cortex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults of a {@link CortexEmulator}, switchable while it runs. Request faults apply to the next
 * N requests (of one endpoint, e.g. {@link CortexEmulator#RUN}, or of any endpoint when the
 * endpoint is null) in the order they were added.
 */
public final class CortexFaults {

    /** A fault for one request. */
    record Fault(int status, String type, String message, Integer retryAfterSeconds, boolean malformed) {
    }

    private record Rule(String endpoint, Fault fault, int[] remaining) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> failingAnalyzers = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile int authFailureStatus;

    /** The next {@code count} requests answer {@code status} with Cortex's {@code InternalError} body. */
    public CortexFaults failNext(int count, int status) {
        return failNext(null, count, status);
    }

    public CortexFaults failNext(String endpoint, int count, int status) {
        return add(endpoint, count, new Fault(status, status >= 500 ? "InternalError" : "BadRequest",
                "emulated failure (HTTP " + status + ")", null, false));
    }

    /**
     * The next {@code count} requests answer 429 {@code RateLimitExceeded}, with
     * {@code Retry-After: retryAfterSeconds} (null sends no header; 0 imitates a server that keeps
     * limiting while saying "retry now").
     */
    public CortexFaults rateLimitNext(String endpoint, int count, Integer retryAfterSeconds) {
        return add(endpoint, count, new Fault(429, "RateLimitExceeded", "Rate limit exceeded for this analyzer",
                retryAfterSeconds, false));
    }

    /** The next {@code count} requests get a 200 whose body is cut-off JSON. */
    public CortexFaults malformedNext(String endpoint, int count) {
        return add(endpoint, count, new Fault(200, null, null, null, true));
    }

    /** Every answer is delayed (slow server; longer than the client timeout means timeouts). */
    public CortexFaults delayAll(Duration value) {
        this.delay = value;
        return this;
    }

    /** Refuse the key on every authenticated endpoint with 401 (AuthenticationError) or 403 (AuthorizationError). */
    public CortexFaults rejectKey(int status) {
        if (status != 401 && status != 403) {
            throw new IllegalArgumentException("auth failures are 401 or 403, not " + status);
        }
        this.authFailureStatus = status;
        return this;
    }

    public CortexFaults acceptKey() {
        this.authFailureStatus = 0;
        return this;
    }

    /** Jobs of this analyzer submitted from now on end in Failure with this error message. */
    public CortexFaults failJobsOf(String analyzerName, String errorMessage) {
        failingAnalyzers.put(analyzerName, errorMessage);
        return this;
    }

    /** Removes every fault. */
    public synchronized void clear() {
        rules.clear();
        failingAnalyzers.clear();
        delay = Duration.ZERO;
        authFailureStatus = 0;
    }

    private synchronized CortexFaults add(String endpoint, int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("a fault needs a count of at least 1");
        }
        rules.add(new Rule(endpoint, fault, new int[] {count}));
        return this;
    }

    synchronized Optional<Fault> takeFor(String endpoint) {
        Iterator<Rule> iterator = rules.iterator();
        while (iterator.hasNext()) {
            Rule rule = iterator.next();
            if (rule.endpoint() == null || rule.endpoint().equals(endpoint)) {
                if (--rule.remaining()[0] <= 0) {
                    iterator.remove();
                }
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    Duration delay() {
        return delay;
    }

    int authFailureStatus() {
        return authFailureStatus;
    }

    Optional<String> jobFailureFor(String analyzerName) {
        return Optional.ofNullable(failingAnalyzers.get(analyzerName));
    }
}
