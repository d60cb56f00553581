package io.sightline.testkit.misp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults the emulator injects, switchable while it runs. Each fault applies to the next
 * {@code times} requests whose path starts with {@code pathPrefix} (use {@code "/"} for all),
 * then expires; {@link #clear()} removes them all. Thread-safe.
 */
public final class MispEmulatorFaults {

    /** Kinds of fault. */
    public enum Kind {
        /** Answer 500 with MISP's error body. */
        SERVER_ERROR,
        /** Answer 429 with {@code Retry-After: seconds}. */
        RATE_LIMITED,
        /** Wait {@code delay} before answering normally. */
        SLOW,
        /** Answer 200 but stop the JSON body after {@code bytes} bytes (the HTTP framing stays valid). */
        TRUNCATED,
        /** Answer 403 "Authentication failed" whatever the key. */
        AUTH_ERROR
    }

    /** One armed fault. */
    public record Fault(Kind kind, String pathPrefix, int times, Duration delay, long bytes) {
    }

    private final List<Fault> armed = new ArrayList<>();

    /** Next {@code times} matching requests answer 500. */
    public MispEmulatorFaults serverError(String pathPrefix, int times) {
        return arm(new Fault(Kind.SERVER_ERROR, pathPrefix, times, Duration.ZERO, 0));
    }

    /** Next {@code times} matching requests answer 429 with {@code Retry-After}. */
    public MispEmulatorFaults rateLimited(String pathPrefix, int times, Duration retryAfter) {
        return arm(new Fault(Kind.RATE_LIMITED, pathPrefix, times, retryAfter, 0));
    }

    /** Next {@code times} matching requests are answered after {@code delay}. */
    public MispEmulatorFaults slow(String pathPrefix, int times, Duration delay) {
        return arm(new Fault(Kind.SLOW, pathPrefix, times, delay, 0));
    }

    /** Next {@code times} matching answers are cut after {@code bytes} bytes of body. */
    public MispEmulatorFaults truncated(String pathPrefix, int times, long bytes) {
        return arm(new Fault(Kind.TRUNCATED, pathPrefix, times, Duration.ZERO, bytes));
    }

    /** Next {@code times} matching requests are refused as unauthenticated (403). */
    public MispEmulatorFaults authError(String pathPrefix, int times) {
        return arm(new Fault(Kind.AUTH_ERROR, pathPrefix, times, Duration.ZERO, 0));
    }

    public synchronized MispEmulatorFaults arm(Fault fault) {
        if (fault.times() < 1) {
            throw new IllegalArgumentException("a fault must apply at least once");
        }
        armed.add(fault);
        return this;
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Faults still armed. */
    public synchronized List<Fault> armed() {
        return List.copyOf(armed);
    }

    /** Takes the faults for one request: at most one of each kind, each used once. */
    synchronized List<Fault> take(String path) {
        List<Fault> taken = new ArrayList<>();
        List<Fault> replacements = new ArrayList<>();
        for (Iterator<Fault> it = armed.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (path.startsWith(f.pathPrefix()) && taken.stream().noneMatch(t -> t.kind() == f.kind())) {
                taken.add(f);
                it.remove();
                if (f.times() > 1) {
                    replacements.add(new Fault(f.kind(), f.pathPrefix(), f.times() - 1, f.delay(), f.bytes()));
                }
            }
        }
        armed.addAll(0, replacements);
        return taken;
    }
}
