package io.sightline.stix.split;

import io.sightline.stix.StixJson;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * One message of a split: a single STIX object, ready for OpenCTI.
 *
 * @param sequence 1-based position in the delivery order (pycti's {@code action_sequence})
 * @param dependencyCount pycti's {@code nb_deps}, sent as the bundle's {@code x_opencti_seq}
 * @param object the object, with the references OpenCTI cannot resolve removed; a shallow copy that
 *     shares unchanged nested values with the splitter's input, so treat it as read-only
 */
public record SplitObject(int sequence, long dependencyCount, ObjectNode object) {

    /** The object's STIX id. */
    public String id() {
        return object.path("id").asString();
    }

    /** The object's STIX type. */
    public String type() {
        return object.path("type").asString();
    }

    /**
     * The single-object bundle pycti sends for this object:
     * {@code {"type":"bundle","id":<bundleId>,"spec_version":"2.1","x_opencti_seq":<n>,"objects":[<object>]}}
     * as UTF-8 JSON.
     */
    public byte[] toBundleJson(String bundleId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = StixJson.mapper().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringProperty("type", "bundle");
            generator.writeStringProperty("id", bundleId);
            generator.writeStringProperty("spec_version", "2.1");
            generator.writeNumberProperty("x_opencti_seq", dependencyCount);
            generator.writeName("objects");
            generator.writeStartArray();
            generator.writeTree(object);
            generator.writeEndArray();
            generator.writeEndObject();
        }
        return out.toByteArray();
    }
}
