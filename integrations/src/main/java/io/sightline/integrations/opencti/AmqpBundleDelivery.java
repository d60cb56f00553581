package io.sightline.integrations.opencti;

import io.sightline.stix.split.OpenCtiSplitter;
import io.sightline.stix.split.SplitPlan;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * {@code CONNECTOR_QUEUE_PROTOCOL=amqp}, as pycti does it: the bundle is split into one object per
 * message in dependency order (types OpenCTI cannot import dropped), the work's expectations are
 * added first, then the messages are published persistent to the push exchange; the delivery
 * returns once the broker confirmed every message.
 */
public final class AmqpBundleDelivery implements BundleDelivery {
    /** Room for the message envelope around the base64 content. */
    private static final int ENVELOPE_BYTES = 1024;

    private final OpenCtiClient client;
    private final AmqpPublisher publisher;
    private final OpenCtiSplitter splitter;
    private final String applicantId;
    private final long maxMessageBytes;

    public AmqpBundleDelivery(OpenCtiClient client, AmqpPublisher publisher, OpenCtiSplitter splitter,
                              String applicantId, long maxMessageBytes) {
        if (maxMessageBytes < 4 * ENVELOPE_BYTES) throw new IllegalArgumentException("message size limit too small: " + maxMessageBytes);
        this.client = client;
        this.publisher = publisher;
        this.splitter = splitter;
        this.applicantId = applicantId;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Largest split bundle whose message (base64 grows by 4/3, plus the envelope) stays under the limit. */
    long maxBundleBytes() {
        return (maxMessageBytes - ENVELOPE_BYTES) / 4 * 3;
    }

    @Override
    public DeliveryReport deliver(String bundleId, Iterator<? extends JsonNode> objects, String workId) {
        try (SplitPlan plan = splitter.plan(objects)) {
            int expected = plan.expectations();
            if (expected == 0) return new DeliveryReport(0, 0, plan.dropped());
            if (workId != null) client.workAddExpectations(workId, expected);
            Iterator<byte[]> bundles = plan.bundles(bundleId, maxBundleBytes());
            QueueMessage messages = new QueueMessage(applicantId, workId);
            int sequence = 0;
            while (bundles.hasNext()) publisher.publish(messages.body(++sequence, bundles.next()));
            publisher.flush();
            return new DeliveryReport(sequence, sequence, plan.dropped());
        }
    }

    @Override
    public void close() {
        publisher.close();
    }
}
