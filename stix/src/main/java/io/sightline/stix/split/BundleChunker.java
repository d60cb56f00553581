package io.sightline.stix.split;

import io.sightline.stix.StixId;
import io.sightline.stix.StixJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import tools.jackson.databind.JsonNode;

/**
 * Packs a stream of objects into as few bundles as possible, none larger than a byte limit (e.g.
 * OpenCTI's 50 MB GraphQL body limit for {@code stixBundlePush}, or RabbitMQ's 16 MB message
 * limit). Objects keep their order, so feeding the output of a {@link SplitPlan} keeps every
 * referenced object in the same or an earlier bundle. Bundles are built lazily; memory holds one
 * bundle at most.
 */
public final class BundleChunker {
    private final long maxBundleBytes;

    /** @param maxBundleBytes the largest serialized bundle allowed, header included */
    public BundleChunker(long maxBundleBytes) {
        if (maxBundleBytes < 128) throw new IllegalArgumentException("maxBundleBytes too small: " + maxBundleBytes);
        this.maxBundleBytes = maxBundleBytes;
    }

    /** One bundle of the output. */
    public record Chunk(byte[] json, int objectCount) {}

    /**
     * Chunks {@code objects} into bundles carrying {@code bundleId}.
     *
     * @throws OversizedObjectException (from the iterator) when one object alone exceeds the limit
     */
    public Iterator<Chunk> chunk(String bundleId, Iterator<? extends JsonNode> objects) {
        StixId.parse(bundleId);
        byte[] header = ("{\"type\":\"bundle\",\"id\":\"" + bundleId + "\",\"objects\":[").getBytes(StandardCharsets.UTF_8);
        byte[] footer = "]}".getBytes(StandardCharsets.UTF_8);
        return new Iterator<>() {
            private byte[] carried;
            private String carriedId;

            @Override
            public boolean hasNext() {
                return carried != null || objects.hasNext();
            }

            @Override
            public Chunk next() {
                if (!hasNext()) throw new NoSuchElementException();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(header);
                int count = 0;
                while (carried != null || objects.hasNext()) {
                    byte[] object;
                    String id;
                    if (carried != null) {
                        object = carried;
                        id = carriedId;
                        carried = null;
                    } else {
                        JsonNode node = objects.next();
                        object = StixJson.mapper().writeValueAsBytes(node);
                        id = node.path("id").asString("?");
                    }
                    long alone = header.length + object.length + footer.length;
                    if (alone > maxBundleBytes) throw new OversizedObjectException(id, alone, maxBundleBytes);
                    long withIt = out.size() + (count > 0 ? 1 : 0) + object.length + footer.length;
                    if (withIt > maxBundleBytes) {
                        carried = object;
                        carriedId = id;
                        break;
                    }
                    if (count > 0) out.write(',');
                    out.writeBytes(object);
                    count++;
                }
                out.writeBytes(footer);
                return new Chunk(out.toByteArray(), count);
            }
        };
    }
}
