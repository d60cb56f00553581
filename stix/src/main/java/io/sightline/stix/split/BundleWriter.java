package io.sightline.stix.split;

import io.sightline.stix.JsonTrees;
import io.sightline.stix.StixJson;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes pycti's single-object bundles one after the other into one reused buffer, applying the
 * splitter's edits ({@link ObjectCleanup}) while writing instead of copying the object first. The
 * bytes are those of {@link SplitObject#toBundleJson} for the cleaned object; only the
 * allocations differ (one generator and one buffer for a whole plan). Not thread-safe.
 */
final class BundleWriter {
    private final Buffer buffer = new Buffer();
    private final JsonGenerator generator = StixJson.mapper().writer().withRootValueSeparator((String) null)
            .createGenerator(buffer);

    /** Writes the bundle of one object; its bytes are then {@link #bytes()}[0, {@link #length()}). */
    void write(String bundleId, long dependencyCount, ObjectNode stored, Set<String> removedRefs) {
        buffer.length = 0;
        generator.writeStartObject();
        generator.writeStringProperty("type", "bundle");
        generator.writeStringProperty("id", bundleId);
        generator.writeStringProperty("spec_version", "2.1");
        generator.writeNumberProperty("x_opencti_seq", dependencyCount);
        generator.writeName("objects");
        generator.writeStartArray();
        writeCleaned(stored, removedRefs);
        generator.writeEndArray();
        generator.writeEndObject();
        generator.flush();
    }

    byte[] bytes() {
        return buffer.bytes;
    }

    int length() {
        return buffer.length;
    }

    /** The object as {@link ObjectCleanup#clean} would leave it, written property by property. */
    private void writeCleaned(ObjectNode object, Set<String> removedRefs) {
        // Most objects lose no reference: skip hashing every reference against an empty set.
        boolean removing = !removedRefs.isEmpty();
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (name.endsWith("_ref") && value.isString()) {
                if (removing && removedRefs.contains(value.stringValue())) continue;
                generator.writeName(name);
                generator.writeString(value.stringValue());
            } else if (name.endsWith("_refs") && value.isArray()) {
                generator.writeName(name);
                writeKeptRefs((ArrayNode) value, removing ? removedRefs : null);
            } else if (name.equals("external_references") && value.isArray()) {
                generator.writeName(name);
                writeKept((ArrayNode) value, ObjectCleanup::externalReferenceKey);
            } else if (name.equals("kill_chain_phases") && value.isArray()) {
                generator.writeName(name);
                writeKept((ArrayNode) value, ObjectCleanup::killChainPhaseKey);
            } else {
                generator.writeName(name);
                JsonTrees.write(generator, value);
            }
        }
        generator.writeEndObject();
    }

    /** The references of an array that are kept, each once; {@code removed} is null when none is removed. */
    private void writeKeptRefs(ArrayNode refs, Set<String> removed) {
        generator.writeStartArray();
        Set<String> seen = refs.size() > 1 ? new HashSet<>() : null;
        for (JsonNode ref : refs) {
            if (!ref.isString()) {
                JsonTrees.write(generator, ref);
            } else if ((removed == null || !removed.contains(ref.stringValue())) && (seen == null || seen.add(ref.stringValue()))) {
                generator.writeString(ref.stringValue());
            }
        }
        generator.writeEndArray();
    }

    private void writeKept(ArrayNode elements, java.util.function.Function<JsonNode, Object> key) {
        generator.writeStartArray();
        Set<Object> seen = new HashSet<>();
        for (JsonNode element : elements) {
            Object k = key.apply(element);
            if (k != null && seen.add(k)) JsonTrees.write(generator, element);
        }
        generator.writeEndArray();
    }

    /** A growable byte array the generator writes into; reset for every bundle. */
    private static final class Buffer extends OutputStream {
        byte[] bytes = new byte[4096];
        int length;

        @Override
        public void write(int b) {
            if (length == bytes.length) bytes = Arrays.copyOf(bytes, bytes.length * 2);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int count) {
            if (length + count > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }
    }
}
