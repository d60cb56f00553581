package io.sightline.integrations.opencti;

import java.util.Map;

/**
 * What one bundle delivery did.
 *
 * @param objectsSent objects handed to OpenCTI (after dropping what it cannot import)
 * @param messages    AMQP messages published, or {@code stixBundlePush} calls made
 * @param dropped     objects left out, per reason
 */
public record DeliveryReport(int objectsSent, int messages, Map<String, Integer> dropped) {
    public DeliveryReport {
        dropped = Map.copyOf(dropped);
    }

    public int droppedCount() {
        return dropped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
