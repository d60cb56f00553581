package io.sightline.integrations.opencti;

import io.sightline.stix.split.BundleChunker;
import io.sightline.stix.split.OpenCtiSplitter;
import io.sightline.stix.split.SplitObject;
import io.sightline.stix.split.SplitPlan;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * {@code CONNECTOR_QUEUE_PROTOCOL=api}: {@code stixBundlePush} with the work id. Objects OpenCTI
 * cannot import are dropped first (pycti sends them and lets the platform reject them), and a
 * report larger than the size limit (the platform's 50 MB body limit by default) goes as several
 * bundles in dependency order instead of one request the platform would refuse.
 */
public final class ApiBundleDelivery implements BundleDelivery {
    private final OpenCtiClient client;
    private final String connectorId;
    private final OpenCtiSplitter splitter;
    private final BundleChunker chunker;

    public ApiBundleDelivery(OpenCtiClient client, String connectorId, OpenCtiSplitter splitter, long maxBundleBytes) {
        this.client = client;
        this.connectorId = connectorId;
        this.splitter = splitter;
        this.chunker = new BundleChunker(maxBundleBytes);
    }

    @Override
    public DeliveryReport deliver(String bundleId, Iterator<? extends JsonNode> objects, String workId) {
        try (SplitPlan plan = splitter.plan(objects)) {
            if (plan.expectations() == 0) return new DeliveryReport(0, 0, plan.dropped());
            Iterator<SplitObject> ordered = plan.iterator();
            Iterator<JsonNode> cleaned = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return ordered.hasNext();
                }

                @Override
                public JsonNode next() {
                    return ordered.next().object();
                }
            };
            int pushes = 0;
            int sent = 0;
            for (Iterator<BundleChunker.Chunk> chunks = chunker.chunk(bundleId, cleaned); chunks.hasNext(); ) {
                BundleChunker.Chunk chunk = chunks.next();
                client.stixBundlePush(connectorId, new String(chunk.json(), StandardCharsets.UTF_8), workId);
                pushes++;
                sent += chunk.objectCount();
            }
            return new DeliveryReport(sent, pushes, plan.dropped());
        }
    }

    @Override
    public void awaitDelivered() {
        // every push was answered by the platform before deliver returned
    }

    @Override
    public void close() {
        // nothing held between deliveries
    }
}
