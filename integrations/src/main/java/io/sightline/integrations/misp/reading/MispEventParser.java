package io.sightline.integrations.misp.reading;

import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.model.MispObject;
import io.sightline.integrations.misp.model.MispOrg;
import io.sightline.integrations.misp.model.MispTag;

import static io.sightline.integrations.misp.reading.MispJsonValues.bool;
import static io.sightline.integrations.misp.reading.MispJsonValues.date;
import static io.sightline.integrations.misp.reading.MispJsonValues.epochSeconds;
import static io.sightline.integrations.misp.reading.MispJsonValues.integer;
import static io.sightline.integrations.misp.reading.MispJsonValues.invalid;
import static io.sightline.integrations.misp.reading.MispJsonValues.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Parses MISP event, object and attribute JSON objects from a streaming parser. Everything not
 * needed (galaxies, related events, shadow attributes, sightings, reports, file contents) is
 * skipped without being materialised.
 */
final class MispEventParser {

    private MispEventParser() {
    }

    /** Told the event's id and uuid, as far as they were read, before its first attribute. */
    interface EventStart {
        void start(String id, String uuid);
    }

    /**
     * Parses the fields of one event object. The parser must be on the first PROPERTY_NAME (or the
     * END_OBJECT) of the event; on return it is on the event's END_OBJECT.
     *
     * @param attributes receives every attribute, plain ones and those inside objects
     * @param start      called once, before the first attribute or object list (or at the end of
     *                   an event without any), with the id and uuid read so far
     * @return the event metadata
     */
    static MispEventSummary parseEventFields(JsonParser p, Consumer<MispAttribute> attributes, EventStart start) {
        boolean started = false;
        String id = null, uuid = null, info = null, extendsUuid = null;
        LocalDate date = null;
        long timestamp = 0, publishTimestamp = 0;
        boolean published = false;
        Integer distribution = null, attributeCount = null;
        int threatLevel = 4, analysis = 0;
        MispOrg org = null, orgc = null;
        List<MispTag> tags = new ArrayList<>();
        for (JsonToken t = p.currentToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = text(p);
                case "uuid" -> uuid = text(p);
                case "info" -> info = text(p);
                case "date" -> date = date(p);
                case "timestamp" -> timestamp = epochSeconds(p);
                case "publish_timestamp" -> publishTimestamp = epochSeconds(p);
                case "published" -> published = bool(p);
                case "distribution" -> distribution = integer(p);
                case "threat_level_id" -> threatLevel = MispJsonValues.integer(p, 4);
                case "analysis" -> analysis = MispJsonValues.integer(p, 0);
                case "attribute_count" -> attributeCount = integer(p);
                case "extends_uuid" -> extendsUuid = emptyToNull(text(p));
                case "Org" -> org = parseOrg(p);
                case "Orgc" -> orgc = parseOrg(p);
                case "Tag" -> tags.addAll(parseTags(p));
                case "EventTag" -> tags.addAll(parseEventTags(p));
                case "Attribute" -> {
                    if (!started) start.start(id, uuid);
                    started = true;
                    forEachElement(p, () -> attributes.accept(parseAttribute(p, null)));
                }
                case "Object" -> {
                    if (!started) start.start(id, uuid);
                    started = true;
                    forEachElement(p, () -> parseObject(p, attributes));
                }
                default -> p.skipChildren();
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                requireClosed(p, value);
            }
        }
        requireEnd(p, JsonToken.END_OBJECT, "event");
        if (!started) start.start(id, uuid);
        return new MispEventSummary(id, uuid, info, date, timestamp, publishTimestamp, published,
                distribution, threatLevel, analysis, attributeCount, org, orgc, tags, extendsUuid);
    }

    /** Parses one attribute object; the parser is on its START_OBJECT and ends on its END_OBJECT. */
    static MispAttribute parseAttribute(JsonParser p, MispObject object) {
        requireStart(p, "an attribute object");
        String id = null, uuid = null, eventId = null, type = null, category = null, value = null;
        String comment = null, relation = null;
        boolean toIds = false, deleted = false, hasData = false;
        long timestamp = 0;
        Integer distribution = null;
        List<MispTag> tags = List.of();
        MispObject stub = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            switch (field) {
                case "id" -> id = text(p);
                case "uuid" -> uuid = text(p);
                case "event_id" -> eventId = text(p);
                case "type" -> type = text(p);
                case "category" -> category = text(p);
                case "value" -> value = text(p);
                case "to_ids" -> toIds = bool(p);
                case "comment" -> comment = text(p);
                case "deleted" -> deleted = bool(p);
                case "timestamp" -> timestamp = epochSeconds(p);
                case "distribution" -> distribution = integer(p);
                case "object_relation" -> relation = text(p);
                case "Tag" -> tags = parseTags(p);
                // the file content can be megabytes: note its presence, never decode it
                case "data" -> hasData = token == JsonToken.VALUE_STRING || token == JsonToken.START_OBJECT;
                case "Object" -> stub = parseObjectStub(p);
                default -> p.skipChildren();
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
        }
        requireEnd(p, JsonToken.END_OBJECT, "attribute");
        if (type == null) {
            throw invalid(p, "a 'type' in the attribute" + (uuid == null ? "" : " " + uuid));
        }
        MispObject owner = object != null ? object : stub;
        return new MispAttribute(id, uuid, eventId, type, category, value, toIds, comment,
                deleted || (owner != null && owner.deleted()), timestamp, distribution, tags,
                relation, owner, hasData);
    }

    /**
     * Parses one object and hands its attributes to {@code sink}. MISP writes the object's fields
     * before its {@code Attribute} list, so attributes normally stream through; files with sorted
     * keys put {@code Attribute} first, and then that one object's attributes are buffered until
     * its fields are known.
     */
    static void parseObject(JsonParser p, Consumer<MispAttribute> sink) {
        requireStart(p, "an object");
        ObjectFields fields = new ObjectFields();
        List<MispAttribute> pending = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if (field.equals("Attribute")) {
                if (fields.uuid != null) {
                    MispObject object = fields.build();
                    forEachElement(p, () -> sink.accept(parseAttribute(p, object)));
                } else {
                    forEachElement(p, () -> pending.add(parseAttribute(p, null)));
                }
            } else if (!fields.read(field, p)) {
                p.skipChildren();
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                requireClosed(p, token);
            }
        }
        requireEnd(p, JsonToken.END_OBJECT, "object");
        MispObject object = fields.build();
        for (MispAttribute a : pending) {
            sink.accept(new MispAttribute(a.id(), a.uuid(), a.eventId(), a.type(), a.category(),
                    a.value(), a.toIds(), a.comment(), a.deleted() || object.deleted(), a.timestamp(),
                    a.distribution(), a.tags(), a.objectRelation(), object, a.hasData()));
        }
    }

    /** The {@code Object} stub that attribute search results embed ({id, distribution, …}). */
    private static MispObject parseObjectStub(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        ObjectFields fields = new ObjectFields();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (!fields.read(field, p)) {
                p.skipChildren();
            }
        }
        requireEnd(p, JsonToken.END_OBJECT, "object");
        return fields.build();
    }

    static MispOrg parseOrg(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireStart(p, "an organisation object");
        String id = null, name = null, uuid = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = text(p);
                case "name" -> name = text(p);
                case "uuid" -> uuid = text(p);
                default -> p.skipChildren();
            }
        }
        requireEnd(p, JsonToken.END_OBJECT, "organisation");
        return new MispOrg(id, name, uuid);
    }

    /** {@code Tag: [{name, colour, …}]}. */
    static List<MispTag> parseTags(JsonParser p) {
        List<MispTag> tags = new ArrayList<>();
        forEachElement(p, () -> {
            MispTag tag = parseTag(p);
            if (tag != null) {
                tags.add(tag);
            }
        });
        return tags;
    }

    /** {@code EventTag: [{id, event_id, tag_id, Tag:{name, …}}]} as in the event index. */
    private static List<MispTag> parseEventTags(JsonParser p) {
        List<MispTag> tags = new ArrayList<>();
        forEachElement(p, () -> {
            requireStart(p, "an EventTag object");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("Tag")) {
                    MispTag tag = parseTag(p);
                    if (tag != null) {
                        tags.add(tag);
                    }
                } else {
                    p.skipChildren();
                }
            }
        });
        return tags;
    }

    private static MispTag parseTag(JsonParser p) {
        requireStart(p, "a tag object");
        String name = null, colour = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = text(p);
                case "colour" -> colour = text(p);
                default -> p.skipChildren();
            }
        }
        requireEnd(p, JsonToken.END_OBJECT, "tag");
        return name == null || name.isBlank() ? null : new MispTag(name, colour);
    }

    /** Runs {@code element} with the parser on each element's first token; tolerates null. */
    static void forEachElement(JsonParser p, Runnable element) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw invalid(p, "an array");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw invalid(p, "an array element or ']'");
            }
            element.run();
        }
    }

    private static void requireStart(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw invalid(p, what);
        }
    }

    private static void requireEnd(JsonParser p, JsonToken expected, String what) {
        if (p.currentToken() != expected) {
            throw invalid(p, "the end of the " + what);
        }
    }

    /** After a handler consumed a structured value the parser must sit on its closing token. */
    private static void requireClosed(JsonParser p, JsonToken opened) {
        JsonToken close = opened == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        if (p.currentToken() != close) {
            throw invalid(p, close.asString());
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Object fields collected while parsing, in whatever order they come. */
    private static final class ObjectFields {
        String id, uuid, name, metaCategory, comment;
        long timestamp;
        boolean deleted;

        boolean read(String field, JsonParser p) {
            switch (field) {
                case "id" -> id = text(p);
                case "uuid" -> uuid = text(p);
                case "name" -> name = text(p);
                case "meta-category" -> metaCategory = text(p);
                case "comment" -> comment = text(p);
                case "timestamp" -> timestamp = epochSeconds(p);
                case "deleted" -> deleted = bool(p);
                default -> {
                    return false;
                }
            }
            return true;
        }

        MispObject build() {
            return new MispObject(id, uuid, name, metaCategory, comment == null ? "" : comment, timestamp, deleted);
        }
    }
}
