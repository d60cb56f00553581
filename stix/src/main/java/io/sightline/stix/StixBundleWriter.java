package io.sightline.stix;

import java.io.OutputStream;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Writes a STIX 2.1 bundle {@code {"type":"bundle","id":"bundle--<uuid>","objects":[...]}} to a
 * stream one object at a time, so a bundle of any size never has to exist in memory.
 * {@link #close()} terminates the JSON and closes the stream.
 */
public final class StixBundleWriter implements AutoCloseable {
    private final JsonGenerator generator;
    private final String bundleId;
    private int count;
    private boolean closed;

    private StixBundleWriter(OutputStream out, String bundleId, String specVersion) {
        this.bundleId = bundleId;
        this.generator = StixJson.mapper().createGenerator(out);
        generator.writeStartObject();
        generator.writeStringProperty("type", "bundle");
        generator.writeStringProperty("id", bundleId);
        if (specVersion != null) generator.writeStringProperty("spec_version", specVersion);
        generator.writeName("objects");
        generator.writeStartArray();
    }

    /** Opens a bundle with a fresh random id ({@code bundle--<uuid4>}). */
    public static StixBundleWriter open(OutputStream out) {
        return open(out, StixIds.newBundleId());
    }

    /**
     * Opens a bundle with the given id, which must be a valid {@code bundle--<uuid>} identifier.
     *
     * @throws StixFormatException if the id is not a bundle identifier
     */
    public static StixBundleWriter open(OutputStream out, String bundleId) {
        return open(out, bundleId, null);
    }

    /**
     * Opens a bundle with the given id and, when {@code specVersion} is not null, a top-level
     * {@code spec_version} (which STIX 2.1 bundles do not need but OpenCTI's split bundles carry).
     */
    public static StixBundleWriter open(OutputStream out, String bundleId, String specVersion) {
        Objects.requireNonNull(out, "out");
        StixId id = StixId.parse(bundleId);
        if (!id.type().equals("bundle")) throw new StixFormatException("not a bundle id: " + bundleId);
        return new StixBundleWriter(out, bundleId, specVersion);
    }

    /** Appends one object (any JSON object; it is written as is). */
    public void write(JsonNode stixObject) {
        Objects.requireNonNull(stixObject, "stixObject");
        if (closed) throw new IllegalStateException("bundle already closed");
        if (!stixObject.isObject()) throw new StixFormatException("a bundle holds JSON objects only, got " + stixObject.getNodeType());
        generator.writeTree(stixObject);
        count++;
    }

    /** Number of objects written so far. */
    public int count() {
        return count;
    }

    /** The bundle id written in the header. */
    public String bundleId() {
        return bundleId;
    }

    /** Flushes what was written so far to the underlying stream. */
    public void flush() {
        generator.flush();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            generator.writeEndArray();
            generator.writeEndObject();
        } finally {
            try {
                generator.close();
            } catch (JacksonException ignored) {
                // the write error above, if any, is the one to report
            }
        }
    }
}
