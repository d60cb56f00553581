package io.sightline.testkit.opencti;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Everything that reached the platform, by either protocol: the STIX objects per work (in
 * arrival order) and facts about the AMQP messages (persistence, size, applicant, sequence).
 */
public final class Received {
    private final Map<String, List<JsonNode>> objectsByWork = new ConcurrentHashMap<>();
    private final List<String> malformed = new ArrayList<>();
    private final List<JsonNode> apiBundles = new ArrayList<>();
    private final AtomicInteger amqpMessages = new AtomicInteger();
    private final AtomicInteger nonPersistent = new AtomicInteger();
    private final AtomicInteger withoutWork = new AtomicInteger();
    private final AtomicLong largestMessage = new AtomicLong();
    private final AtomicLong counted = new AtomicLong();
    private final Map<String, AtomicInteger> byApplicant = new ConcurrentHashMap<>();
    private volatile boolean keepObjects = true;

    /** Benchmarks turn this off to count objects without holding them. */
    public void keepObjects(boolean keep) {
        this.keepObjects = keep;
    }

    void amqpMessage(AmqpPushConsumer.Received m) {
        amqpMessages.incrementAndGet();
        if (!m.persistent()) nonPersistent.incrementAndGet();
        if (m.workId() == null) withoutWork.incrementAndGet();
        largestMessage.accumulateAndGet(m.bytes(), Math::max);
        byApplicant.computeIfAbsent(String.valueOf(m.applicantId()), k -> new AtomicInteger()).incrementAndGet();
        addObjects(m.workId(), m.bundle().path("objects"));
    }

    synchronized void apiBundle(String workId, JsonNode bundle) {
        apiBundles.add(bundle);
        addObjects(workId, bundle.path("objects"));
    }

    synchronized void malformed(String reason) {
        malformed.add(reason);
    }

    private void addObjects(String workId, JsonNode objects) {
        List<JsonNode> list = objectsByWork.computeIfAbsent(String.valueOf(workId), k -> new ArrayList<>());
        synchronized (list) {
            for (JsonNode o : objects) list.add(keepObjects ? o : o.path("id"));
        }
        counted.addAndGet(objects.size());
    }

    /** Objects received for a work, in arrival order (only their ids when objects are not kept). */
    public List<JsonNode> objects(String workId) {
        List<JsonNode> list = objectsByWork.getOrDefault(workId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** All objects received, across works. */
    public List<JsonNode> allObjects() {
        List<JsonNode> all = new ArrayList<>();
        objectsByWork.keySet().forEach(w -> all.addAll(objects(w)));
        return all;
    }

    public long objectCount() {
        return counted.get();
    }

    public int amqpMessages() {
        return amqpMessages.get();
    }

    public int nonPersistentMessages() {
        return nonPersistent.get();
    }

    public int messagesWithoutWork() {
        return withoutWork.get();
    }

    public long largestMessageBytes() {
        return largestMessage.get();
    }

    /** Message count per {@code applicant_id}. */
    public Map<String, Integer> messagesByApplicant() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        byApplicant.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public synchronized List<JsonNode> apiBundles() {
        return List.copyOf(apiBundles);
    }

    public synchronized List<String> malformedMessages() {
        return List.copyOf(malformed);
    }
}
