package io.sightline.testkit.opencti;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A registered connector: its identity, the stored state and what its pings reported. */
final class EmulatedConnector {
    final String id;
    volatile String userId;
    volatile String name;
    volatile String type;
    volatile List<String> scope;
    volatile String state;
    volatile boolean resetPending;
    volatile JsonNode info;
    volatile int pings;
    volatile int registrations;
    volatile Instant lastSeen;
    volatile long queueMessagesSize;
    volatile long queueMessagesNumber;

    EmulatedConnector(String id, String userId) {
        this.id = id;
        this.userId = userId;
    }
}
