package io.sightline.integrations.opencti;

import io.sightline.stix.split.BundleCursor;
import io.sightline.stix.split.OpenCtiSplitter;
import io.sightline.stix.split.SplitPlan;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code CONNECTOR_QUEUE_PROTOCOL=amqp}, as pycti does it: the bundle is split into one object per
 * message in dependency order (types OpenCTI cannot import dropped), the work's expectations are
 * added first, then the messages are published persistent to the push exchange with publisher
 * confirms.
 *
 * <p>{@link #deliver} reads and orders the bundle, adds the expectations, and hands the messages
 * to a publishing thread, so that the next report is fetched while this one is serialized and
 * published; at most one bundle is publishing while the next is read, which keeps memory bounded.
 * {@link #awaitDelivered()} returns once the broker confirmed everything; a failure of a bundle
 * still publishing is thrown by the next call, naming that bundle.
 */
public final class AmqpBundleDelivery implements BundleDelivery {
    private static final Logger log = LoggerFactory.getLogger(AmqpBundleDelivery.class);
    /** Room for the message envelope around the base64 content. */
    private static final int ENVELOPE_BYTES = 1024;

    private final OpenCtiClient client;
    private final AmqpPublisher publisher;
    private final OpenCtiSplitter splitter;
    private final String applicantId;
    private final long maxMessageBytes;
    private final ExecutorService publishing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opencti-amqp-publish");
        t.setDaemon(true);
        return t;
    });
    private Future<?> inFlight;
    private String inFlightBundle;

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
        long start = System.nanoTime();
        SplitPlan plan = splitter.plan(objects);
        try {
            int expected = plan.expectations();
            DeliveryReport report = new DeliveryReport(expected, expected, plan.dropped());
            awaitPublished();
            if (expected == 0) {
                plan.close();
                return report;
            }
            if (workId != null) client.workAddExpectations(workId, expected);
            log.debug("{}: {} message(s) read and ordered in {} ms", bundleId, expected, (System.nanoTime() - start) / 1_000_000);
            inFlightBundle = bundleId;
            inFlight = publishing.submit(() -> publish(plan, bundleId, workId));
            return report;
        } catch (RuntimeException e) {
            plan.close();
            throw e;
        }
    }

    private void publish(SplitPlan plan, String bundleId, String workId) {
        try (plan) {
            QueueMessage messages = new QueueMessage(applicantId, workId);
            // Each bundle is written into the cursor's buffer and base64-encoded straight into its message.
            BundleCursor bundles = plan.bundleCursor(bundleId, maxBundleBytes());
            while (bundles.next()) publisher.publish(messages.body(bundles.sequence(), bundles.bytes(), 0, bundles.length()));
        }
    }

    /** Waits for the bundle being published (not for its confirms); rethrows its failure. */
    private void awaitPublished() {
        if (inFlight == null) return;
        Future<?> pending = inFlight;
        String bundle = inFlightBundle;
        inFlight = null;
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpDeliveryException("interrupted while publishing " + bundle, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() != null && cause.getMessage().contains(bundle) ? cause.getMessage()
                    : "delivery of " + bundle + " failed: " + cause.getMessage();
            throw new BundleFailedException(bundle, message, cause);
        }
    }

    @Override
    public void awaitDelivered() {
        awaitPublished();
        publisher.flush();
    }

    @Override
    public void close() {
        publishing.shutdownNow();
        publisher.close();
    }
}
