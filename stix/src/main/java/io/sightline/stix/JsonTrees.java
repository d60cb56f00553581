package io.sightline.stix;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a Jackson tree straight to a generator, node by node. The output is what
 * {@code generator.writeTree(node)} gives with {@link StixJson#mapper()}'s default settings, without
 * going through databind's serializer lookups for every node: the hot path when every STIX object
 * of a report is written again (one AMQP message each).
 */
public final class JsonTrees {
    private JsonTrees() {}

    /** Writes {@code node} as the next value of {@code generator}. */
    public static void write(JsonGenerator generator, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(generator, (ObjectNode) node);
            case ARRAY -> writeArray(generator, (ArrayNode) node);
            case STRING -> generator.writeString(node.stringValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> writeNumber(generator, node);
            // Binary, POJO and missing nodes never come out of parsing JSON: let databind decide.
            default -> generator.writeTree(node);
        }
    }

    private static void writeObject(JsonGenerator generator, ObjectNode object) {
        generator.writeStartObject(object, object.size());
        for (var property : object.properties()) {
            generator.writeName(property.getKey());
            write(generator, property.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeArray(JsonGenerator generator, ArrayNode array) {
        generator.writeStartArray(array, array.size());
        for (JsonNode element : array) write(generator, element);
        generator.writeEndArray();
    }

    /** Each numeric node as its own serializer writes it (an int stays an int, a double a double). */
    private static void writeNumber(JsonGenerator generator, JsonNode node) {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case DOUBLE -> generator.writeNumber(node.doubleValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
            default -> generator.writeTree(node);
        }
    }
}
