package io.sightline.integrations.misp.reading;

import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEvent;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.model.MispException;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams MISP events from JSON without holding them in memory: each attribute (plain or inside
 * an object) is handed to a {@link MispEventListener} as soon as it is read, so an event with
 * hundreds of thousands of attributes needs memory for one attribute at a time.
 *
 * <p>Accepted shapes, as MISP and its exports produce them:
 * <ul>
 *   <li>{@code {"Event":{…}}} — {@code GET /events/view/{id}}, feed files, create/edit answers</li>
 *   <li>{@code {"response":[{"Event":{…}}, …]}} — {@code POST /events/restSearch}</li>
 *   <li>a bare event object {@code {"id":…, "Attribute":[…]}} — PyMISP test files</li>
 *   <li>a JSON array of events or of {@code {"Event":…}} — {@code POST /events/index}</li>
 * </ul>
 * Attribute-search results ({@code {"response":{"Attribute":[…]}}} or a bare array of attributes)
 * are read with {@link #readAttributes}.
 *
 * <p>Any malformed or truncated input raises a {@link MispFormatException} naming the JSON path and
 * byte position; the reader never returns a partial result as if it were complete. Instances are
 * immutable and thread-safe.
 */
public final class MispEventReader {

    // the caller owns the stream (an HTTP response is closed by whoever opened it)
    private final JsonFactory factory = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    /**
     * Streams every event found in {@code in}. The stream is read to its end but not closed.
     *
     * @return the number of events read
     * @throws MispFormatException if the JSON is malformed, truncated or not a MISP event shape
     * @throws MispException       if reading the stream failed (I/O)
     */
    public long read(InputStream in, MispEventListener listener) {
        return parse(in, p -> readRoot(p, (id, uuid) -> listener));
    }

    /**
     * Streams every event found in {@code in}, each to the listener {@code events} gives for it
     * when it begins. The stream is read to its end but not closed.
     *
     * @return the number of events read
     * @throws MispFormatException as {@link #read} does
     */
    public long readEvents(InputStream in, MispEventsListener events) {
        return parse(in, p -> readRoot(p, events));
    }

    /**
     * Reads the event metadata list of {@code POST /events/index} (or any shape {@link #read}
     * accepts), ignoring attributes.
     */
    public long readIndex(InputStream in, Consumer<MispEventSummary> summaries) {
        return read(in, new MispEventListener() {
            @Override
            public void attribute(MispAttribute attribute) {
            }

            @Override
            public void eventEnd(MispEventSummary event, long attributesRead) {
                summaries.accept(event);
            }
        });
    }

    /**
     * Reads exactly one event into memory, for the small answers of create and edit calls.
     *
     * @param maxAttributes refuse events with more attributes than this
     */
    public MispEvent readSingle(InputStream in, int maxAttributes) {
        List<MispAttribute> attributes = new ArrayList<>();
        List<MispEventSummary> events = new ArrayList<>();
        read(in, new MispEventListener() {
            @Override
            public void attribute(MispAttribute attribute) {
                if (attributes.size() >= maxAttributes) {
                    throw new MispException("event has more than " + maxAttributes
                            + " attributes; stream it with MispEventReader.read instead");
                }
                attributes.add(attribute);
            }

            @Override
            public void eventEnd(MispEventSummary event, long attributesRead) {
                events.add(event);
            }
        });
        if (events.size() != 1) {
            throw new MispFormatException("expected exactly one MISP event but found " + events.size(), "", -1, null);
        }
        return new MispEvent(events.get(0), attributes);
    }

    /**
     * Streams attributes of an attribute search: {@code {"response":{"Attribute":[…]}}},
     * {@code {"Attribute":[…]}}, a bare array of attributes, or the single {@code {"Attribute":{…}}}
     * that {@code /attributes/add} answers.
     *
     * @return the number of attributes read
     */
    public long readAttributes(InputStream in, Consumer<MispAttribute> attributes) {
        return parse(in, p -> {
            long[] count = {0};
            Consumer<MispAttribute> counting = a -> {
                count[0]++;
                attributes.accept(a);
            };
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_ARRAY) {
                MispEventParser.forEachElement(p, () -> counting.accept(MispEventParser.parseAttribute(p, null)));
            } else if (root == JsonToken.START_OBJECT) {
                readAttributeWrapper(p, counting);
            } else {
                throw MispJsonValues.invalid(p, "an attribute search result ('{' or '[')");
            }
            return count[0];
        });
    }

    private void readAttributeWrapper(JsonParser p, Consumer<MispAttribute> attributes) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("response") && p.currentToken() == JsonToken.START_OBJECT) {
                readAttributeWrapper(p, attributes);
            } else if (field.equals("Attribute") && p.currentToken() == JsonToken.START_OBJECT) {
                attributes.accept(MispEventParser.parseAttribute(p, null));
            } else if (field.equals("Attribute")) {
                MispEventParser.forEachElement(p, () -> attributes.accept(MispEventParser.parseAttribute(p, null)));
            } else {
                p.skipChildren();
            }
        }
    }

    private long readRoot(JsonParser p, MispEventsListener listener) {
        JsonToken root = p.nextToken();
        if (root == null) {
            throw MispJsonValues.invalid(p, "a MISP event but the input is empty");
        }
        if (root == JsonToken.START_ARRAY) {
            return readEventArray(p, listener);
        }
        if (root != JsonToken.START_OBJECT) {
            throw MispJsonValues.invalid(p, "a MISP event ('{' or '[')");
        }
        JsonToken first = p.nextToken();
        String name = first == JsonToken.PROPERTY_NAME ? p.currentName() : null;
        if (!"Event".equals(name) && !"response".equals(name)) {
            readEvent(p, listener);
            return 1;
        }
        long events = 0;
        for (JsonToken t = first; t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("Event") && value == JsonToken.START_OBJECT) {
                p.nextToken();
                readEvent(p, listener);
                events++;
            } else if (field.equals("response") && value == JsonToken.START_ARRAY) {
                events += readEventArray(p, listener);
            } else if (field.equals("Event") || field.equals("response")) {
                throw MispJsonValues.invalid(p, "an event object or list under '" + field + "'");
            } else {
                p.skipChildren();
            }
        }
        return events;
    }

    /** Array of events, each bare or wrapped in {@code {"Event":…}}; parser on START_ARRAY. */
    private long readEventArray(JsonParser p, MispEventsListener listener) {
        long[] events = {0};
        MispEventParser.forEachElement(p, () -> {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw MispJsonValues.invalid(p, "an event object");
            }
            JsonToken first = p.nextToken();
            if (first == JsonToken.PROPERTY_NAME && p.currentName().equals("Event")) {
                MispJsonValues.expect(p, JsonToken.START_OBJECT, "an event object");
                p.nextToken();
                readEvent(p, listener);
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    p.nextToken();
                    p.skipChildren();
                }
            } else {
                readEvent(p, listener);
            }
            events[0]++;
        });
        return events[0];
    }

    private static void readEvent(JsonParser p, MispEventsListener events) {
        long[] count = {0};
        MispEventListener[] listener = {null};
        MispEventSummary summary = MispEventParser.parseEventFields(p, a -> {
            count[0]++;
            listener[0].attribute(a);
        }, (id, uuid) -> listener[0] = events.eventStart(id, uuid));
        if (summary.uuid() == null && summary.id() == null) {
            // e.g. an error document such as {"name":…,"message":…} answered with status 200
            throw MispJsonValues.invalid(p, "a MISP event with a 'uuid' or an 'id' at the end of this object");
        }
        listener[0].eventEnd(summary, count[0]);
    }

    private interface Body {
        long run(JsonParser p);
    }

    private long parse(InputStream in, Body body) {
        JsonParser p = factory.createParser(ObjectReadContext.empty(), in);
        try (p) {
            long result = body.run(p);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw MispJsonValues.invalid(p, "the end of the input after the JSON document");
            }
            return result;
        } catch (JacksonIOException e) {
            throw new MispException("reading the MISP response failed: " + e.getOriginalMessage(),
                    e.getCause() != null ? e.getCause() : e);
        } catch (JacksonException e) {
            String path = pathOf(p);
            throw new MispFormatException("invalid MISP JSON at " + (path.isEmpty() ? "/" : path) + " ("
                    + MispJsonValues.describe(e.getLocation()) + "): " + e.getOriginalMessage(),
                    path, e.getLocation() == null ? -1 : e.getLocation().getByteOffset(), e);
        }
    }

    private static String pathOf(JsonParser p) {
        TokenStreamContext context = p.streamReadContext();
        return context == null ? "" : context.pathAsPointer().toString();
    }
}
