package io.sightline.testkit.opencti;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A work as the platform tracks it: expectations added by the connector (or by the worker when it
 * splits a bundle), items processed by the worker, and the connector's closing call.
 */
public final class EmulatedWork {
    final String id;
    final String connectorId;
    final String name;
    final Instant createdAt = Instant.now();
    final List<String> messages = new ArrayList<>();
    long expected;
    long processed;
    boolean markedProcessed;
    boolean inError;

    EmulatedWork(String id, String connectorId, String name) {
        this.id = id;
        this.connectorId = connectorId;
        this.name = name;
    }

    /** {@code wait}, {@code progress} or {@code complete}, as OpenCTI derives it. */
    synchronized String status() {
        if (markedProcessed && processed >= expected) return "complete";
        if (markedProcessed || expected > 0 || processed > 0) return "progress";
        return "wait";
    }

    synchronized View view() {
        return new View(id, connectorId, name, status(), expected, processed, markedProcessed, inError, List.copyOf(messages));
    }

    /** What a test sees of a work. */
    public record View(String id, String connectorId, String name, String status, long expected, long processed,
                       boolean markedProcessed, boolean inError, List<String> messages) {}
}
