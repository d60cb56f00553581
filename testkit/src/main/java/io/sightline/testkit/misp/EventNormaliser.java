package io.sightline.testkit.misp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings event trees into the shape MISP stores: ids and uuids assigned (source ids kept when
 * free), numbers as strings, defaults filled in, organisations and tags registered. Used under
 * the store's lock.
 */
final class EventNormaliser {

    private static final tools.jackson.databind.json.JsonMapper JSON = MispEmulatorStore.JSON;

    private final Map<String, ObjectNode> orgs = new LinkedHashMap<>();
    private final Map<String, String> tagIds = new HashMap<>();
    private final AtomicLong nextEventId = new AtomicLong(1);
    private final AtomicLong nextAttributeId = new AtomicLong(1);
    private final AtomicLong nextOrgId = new AtomicLong(1);
    private final Predicate<String> idTaken;
    private final LongSupplier clock;

    private final ObjectNode keyOrg;

    EventNormaliser(Predicate<String> idTaken, LongSupplier clock, String keyOrgName) {
        this.idTaken = idTaken;
        this.clock = clock;
        this.keyOrg = org(null, keyOrgName, null);
    }

    /** The organisation of the API key's user, creator of the events made through the API. */
    ObjectNode keyOrg() {
        return keyOrg.deepCopy();
    }

    private long now() {
        return clock.getAsLong();
    }

    /** Reserves {@code count} consecutive attribute ids and returns the first. */
    long reserveAttributeIds(int count) {
        return nextAttributeId.getAndAdd(count);
    }

    Optional<ObjectNode> organisation(String id) {
        return Optional.ofNullable(orgs.get(id)).map(ObjectNode::deepCopy);
    }

    String tagId(String name) {
        return tagIds.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> String.valueOf(tagIds.size() + 1));
    }

    ObjectNode tagNode(String name, JsonNode source) {
        ObjectNode tag = source != null && source.isObject() ? ((ObjectNode) source).deepCopy() : JSON.createObjectNode();
        tag.put("id", tagId(name));
        tag.put("name", name);
        if (!tag.has("colour")) {
            tag.put("colour", "#0088cc");
        }
        if (!tag.has("exportable")) {
            tag.put("exportable", true);
        }
        return tag;
    }

    ObjectNode normalise(ObjectNode event) {
        return normalise(event, false);
    }

    ObjectNode normalise(ObjectNode event, boolean keepId) {
        normaliseHeader(event, keepId);
        String id = event.path("id").asString();
        ArrayNode attributes = event.withArray("Attribute");
        attributes.forEach(a -> normaliseAttribute((ObjectNode) a, id, "0"));
        for (JsonNode o : event.withArray("Object")) {
            ObjectNode object = (ObjectNode) o;
            putIfAbsent(object, "id", String.valueOf(nextAttributeId.getAndIncrement()));
            putIfAbsent(object, "uuid", UUID.randomUUID().toString());
            object.put("event_id", id);
            if (!object.has("deleted")) {
                object.put("deleted", false);
            }
            object.withArray("Attribute").forEach(a -> normaliseAttribute((ObjectNode) a, id, object.path("id").asString()));
        }
        long live = new TreeEvent(event).liveAttributeCount();
        event.put("attribute_count", String.valueOf(live));
        return event;
    }

    void normaliseHeader(ObjectNode event) {
        normaliseHeader(event, false);
    }

    void normaliseHeader(ObjectNode event, boolean keepId) {
        String id = event.path("id").asString(null);
        if (!keepId && (id == null || id.isBlank() || idTaken.test(id))) {
            do {
                id = String.valueOf(nextEventId.getAndIncrement());
            } while (idTaken.test(id));
        } else if (id.matches("\\d+")) {
            nextEventId.updateAndGet(n -> Math.max(n, Long.parseLong(event.path("id").asString()) + 1));
        }
        event.put("id", id);
        putIfAbsent(event, "uuid", UUID.randomUUID().toString());
        putIfAbsent(event, "info", "");
        putIfAbsent(event, "date", LocalDate.ofInstant(Instant.ofEpochSecond(now()), ZoneOffset.UTC).toString());
        putIfAbsent(event, "timestamp", String.valueOf(now()));
        putIfAbsent(event, "publish_timestamp", "0");
        if (!event.has("published")) {
            event.put("published", false);
        }
        putIfAbsent(event, "distribution", "3");
        putIfAbsent(event, "threat_level_id", "4");
        putIfAbsent(event, "analysis", "0");
        putIfAbsent(event, "sharing_group_id", "0");
        putIfAbsent(event, "extends_uuid", "");
        for (String field : List.of("timestamp", "publish_timestamp", "distribution", "threat_level_id", "analysis")) {
            event.put(field, event.path(field).asString());
        }
        ObjectNode orgc = event.path("Orgc").isObject() ? registerOrg((ObjectNode) event.get("Orgc")) : keyOrg.deepCopy();
        ObjectNode org = event.path("Org").isObject() ? registerOrg((ObjectNode) event.get("Org")) : orgc.deepCopy();
        event.set("Orgc", orgc);
        event.set("Org", org);
        event.put("orgc_id", orgc.path("id").asString());
        event.put("org_id", org.path("id").asString());
        ArrayNode tags = JSON.createArrayNode();
        event.path("Tag").forEach(t -> tags.add(tagNode(t.path("name").asString(), t)));
        // the index shape carries tags as EventTag[].Tag
        event.path("EventTag").forEach(t -> tags.add(tagNode(t.path("Tag").path("name").asString(), t.path("Tag"))));
        event.remove("EventTag");
        event.set("Tag", tags);
    }

    void normaliseAttribute(ObjectNode a, String eventId, String objectId) {
        String id = a.path("id").asString(null);
        if (id == null || id.isBlank()) {
            a.put("id", String.valueOf(nextAttributeId.getAndIncrement()));
        } else if (id.matches("\\d+")) {
            nextAttributeId.updateAndGet(n -> Math.max(n, Long.parseLong(id) + 1));
        }
        putIfAbsent(a, "uuid", UUID.randomUUID().toString());
        a.put("event_id", eventId);
        putIfAbsent(a, "object_id", objectId);
        putIfAbsent(a, "category", "Other");
        putIfAbsent(a, "comment", "");
        putIfAbsent(a, "distribution", "5");
        putIfAbsent(a, "sharing_group_id", "0");
        putIfAbsent(a, "timestamp", String.valueOf(now()));
        if (!a.has("to_ids")) {
            a.put("to_ids", false);
        }
        if (!a.has("deleted")) {
            a.put("deleted", false);
        }
        if (!a.has("disable_correlation")) {
            a.put("disable_correlation", false);
        }
        ArrayNode tags = JSON.createArrayNode();
        a.path("Tag").forEach(t -> tags.add(tagNode(t.path("name").asString(), t)));
        a.set("Tag", tags);
    }

    /** Registers an organisation seen in an event; keeps its id when free. */
    ObjectNode registerOrg(ObjectNode source) {
        String name = source.path("name").asString("");
        for (ObjectNode known : orgs.values()) {
            if (known.path("name").asString().equalsIgnoreCase(name)) {
                return known.deepCopy();
            }
        }
        return org(source.path("id").asString(null), name, source.path("uuid").asString(null)).deepCopy();
    }

    ObjectNode org(String id, String name, String uuid) {
        String orgId = id != null && !id.isBlank() && !orgs.containsKey(id) ? id : null;
        while (orgId == null || orgs.containsKey(orgId)) {
            orgId = String.valueOf(nextOrgId.getAndIncrement());
        }
        ObjectNode org = JSON.createObjectNode();
        org.put("id", orgId);
        org.put("name", name);
        org.put("uuid", uuid != null ? uuid : UUID.nameUUIDFromBytes(name.getBytes()).toString());
        org.put("local", true);
        orgs.put(orgId, org);
        return org;
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field) || (node.get(field).isString() && node.get(field).asString().isEmpty() && !field.equals("comment") && !field.equals("extends_uuid"))) {
            node.put(field, value);
        }
    }

}
