package io.sightline.stix;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams the STIX objects of a JSON document one at a time, each as a Jackson tree, without
 * holding the document. Accepted shapes:
 * <ul>
 *   <li>a bundle {@code {"type":"bundle","id":...,"objects":[...]}};</li>
 *   <li>a bare array {@code [ {...}, {...} ]};</li>
 *   <li>any envelope holding the objects under a named list key, e.g. a Stixify page
 *       {@code {"page_number":1,"total_results_count":2,"objects":[...]}}.</li>
 * </ul>
 * The scalar top-level fields of an envelope (bundle {@code id}, page totals, ...) are collected in
 * {@link #envelope()}: those before the list are there from the start, those after it once the
 * list is exhausted. Malformed input raises a {@link StixFormatException} naming the line and
 * column; an I/O failure of the underlying stream raises {@link UncheckedIOException}.
 *
 * <p>Not thread-safe. Closing the reader closes the input stream.
 */
public final class StixObjectReader implements Iterator<ObjectNode>, AutoCloseable {
    /** List key of bundles and Stixify object pages. */
    public static final String OBJECTS = "objects";

    private final JsonParser parser;
    private final String listKey;
    private final boolean inEnvelope;
    private final ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    private ObjectNode pending;
    private boolean exhausted;
    private int count;

    private StixObjectReader(JsonParser parser, String listKey) {
        this.parser = parser;
        this.listKey = listKey;
        JsonToken first = advance();
        if (first == JsonToken.START_ARRAY) {
            inEnvelope = false;
        } else if (first == JsonToken.START_OBJECT) {
            inEnvelope = true;
            seekList();
        } else {
            throw error("expected a JSON object (bundle) or array of STIX objects, found " + describe(first));
        }
    }

    /** Reads the objects of a bundle, a bare array or a Stixify page (list key {@code objects}). */
    public static StixObjectReader open(InputStream in) {
        return open(in, OBJECTS);
    }

    /** Reads the objects held under {@code listKey} of an envelope object, or a bare array. */
    public static StixObjectReader open(InputStream in, String listKey) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(listKey, "listKey");
        try {
            return new StixObjectReader(StixJson.mapper().createParser(in), listKey);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (pending != null) return true;
        if (exhausted) return false;
        JsonToken token = advance();
        if (token == JsonToken.START_OBJECT) {
            try {
                pending = parser.readValueAsTree();
            } catch (JacksonIOException e) {
                throw ioFailure(e);
            } catch (JacksonException e) {
                throw wrap("object #" + (count + 1) + " is malformed", e);
            }
            return true;
        }
        if (token == JsonToken.END_ARRAY) {
            finish();
            return false;
        }
        if (token == null) throw error("input ended inside the '" + listKey + "' array");
        throw error("element #" + (count + 1) + " of '" + listKey + "' is not a JSON object but " + describe(token));
    }

    @Override
    public ObjectNode next() {
        if (!hasNext()) throw new NoSuchElementException();
        ObjectNode next = pending;
        pending = null;
        count++;
        return next;
    }

    /** The object {@link #next()} would return, without consuming it. */
    public ObjectNode peek() {
        if (!hasNext()) throw new NoSuchElementException();
        return pending;
    }

    /** Number of objects returned by {@link #next()} so far. */
    public int count() {
        return count;
    }

    /**
     * Scalar top-level fields of the envelope seen so far (empty for a bare array). Complete once
     * {@link #hasNext()} returned false.
     */
    public ObjectNode envelope() {
        return envelope;
    }

    /** Convenience view as a sequential stream; closing the stream closes this reader. */
    public Stream<ObjectNode> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (JacksonException ignored) {
            // nothing useful can be done about a failing close of a read-only stream
        }
    }

    private void seekList() {
        while (true) {
            JsonToken token = advance();
            if (token == JsonToken.END_OBJECT) {
                throw error("no '" + listKey + "' array in the document");
            }
            if (token != JsonToken.PROPERTY_NAME) throw error("expected a property name, found " + describe(token));
            String name = parser.currentName();
            JsonToken value = advance();
            if (name.equals(listKey)) {
                if (value != JsonToken.START_ARRAY) {
                    throw error("'" + listKey + "' must be an array, found " + describe(value));
                }
                return;
            }
            keepEnvelopeValue(name, value);
        }
    }

    private void finish() {
        exhausted = true;
        if (inEnvelope) {
            for (JsonToken token = advance(); token != JsonToken.END_OBJECT; token = advance()) {
                if (token != JsonToken.PROPERTY_NAME) throw error("expected a property name, found " + describe(token));
                String name = parser.currentName();
                keepEnvelopeValue(name, advance());
            }
        }
        JsonToken trailing = advance();
        if (trailing != null) throw error("unexpected content after the end of the document: " + describe(trailing));
    }

    private void keepEnvelopeValue(String name, JsonToken value) {
        if (value == null) throw error("input ended after property '" + name + "'");
        if (value.isStructStart()) {
            skipChildren();
        } else {
            JsonNode node = readScalar();
            envelope.set(name, node);
        }
    }

    private JsonNode readScalar() {
        try {
            return parser.readValueAsTree();
        } catch (JacksonException e) {
            throw wrap("malformed value", e);
        }
    }

    private void skipChildren() {
        try {
            parser.skipChildren();
        } catch (JacksonIOException e) {
            throw ioFailure(e);
        } catch (JacksonException e) {
            throw wrap("malformed JSON", e);
        }
    }

    private JsonToken advance() {
        try {
            return parser.nextToken();
        } catch (JacksonIOException e) {
            throw ioFailure(e);
        } catch (JacksonException e) {
            throw wrap("malformed JSON", e);
        }
    }

    private static UncheckedIOException ioFailure(JacksonIOException e) {
        java.io.IOException cause = e.getCause();
        return new UncheckedIOException(cause != null ? cause : new java.io.IOException(e.getMessage(), e));
    }

    private StixFormatException wrap(String what, JacksonException e) {
        return new StixFormatException(what + " " + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }

    private StixFormatException error(String message) {
        return new StixFormatException(message + " " + where(parser.currentTokenLocation()));
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location == TokenStreamLocation.NA) return "(location unknown)";
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) return "end of input";
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // already failing; the original error is more useful
        }
    }
}
