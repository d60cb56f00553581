package io.sightline.testkit.misp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's events, organisations and tags, with MISP's rules for ids, timestamps and
 * soft deletion. Thread-safe: every public method locks the store; generated events are
 * immutable and stream without the lock.
 */
public final class MispEmulatorStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, EmulatedEvent> events = new LinkedHashMap<>();
    private final Map<String, byte[]> attachments = new HashMap<>();
    private final List<String> writes = new ArrayList<>();
    private final EventNormaliser normaliser;
    private volatile LongSupplier clock = () -> Instant.now().getEpochSecond();

    MispEmulatorStore(String keyOrgName) {
        this.normaliser = new EventNormaliser(events::containsKey, () -> clock.getAsLong(), keyOrgName);
    }

    /** Replaces the clock (epoch seconds) used for the timestamps of changes. */
    public void setClock(LongSupplier epochSeconds) {
        this.clock = epochSeconds;
    }

    long now() {
        return clock.getAsLong();
    }

    ObjectNode keyOrg() {
        return normaliser.keyOrg();
    }

    /**
     * Loads MISP data: a file or a folder of {@code .json} files in any shape MISP writes (full
     * events, restSearch answers, event indexes, attribute searches, feeds).
     *
     * @return ids of the events added or completed
     */
    public List<String> load(java.nio.file.Path path) {
        return new MispFixtureLoader(this).load(path);
    }

    /** Adds an event tree (MISP's full-event shape); missing ids, uuids and defaults are filled in. */
    public synchronized String add(ObjectNode event) {
        String uuid = event.path("uuid").asString("");
        Optional<EmulatedEvent> known = uuid.isEmpty() ? Optional.empty() : find(uuid);
        if (known.isPresent() && known.get() instanceof TreeEvent existing) {
            merge(existing, event);
            return existing.id();
        }
        TreeEvent stored = new TreeEvent(normaliser.normalise(event.deepCopy()));
        events.put(stored.id(), stored);
        return stored.id();
    }

    /**
     * The same event seen in two files (e.g. an index and an attribute search of one server):
     * the later metadata wins, the id stays, attributes and objects are united by uuid.
     */
    private void merge(TreeEvent existing, ObjectNode event) {
        ObjectNode incoming = event.deepCopy();
        incoming.put("id", existing.id());
        ArrayNode attributes = existing.attributes();
        ArrayNode objects = existing.objects();
        incoming.remove("attribute_count");
        normaliser.normaliseHeader(incoming, true);
        incoming.properties().forEach(p -> {
            if (!p.getKey().equals("Attribute") && !p.getKey().equals("Object")) {
                existing.tree().set(p.getKey(), p.getValue());
            }
        });
        List<String> known = new ArrayList<>();
        attributes.forEach(a -> known.add(a.path("uuid").asString()));
        for (JsonNode a : event.path("Attribute")) {
            if (!known.contains(a.path("uuid").asString())) {
                ObjectNode copy = ((ObjectNode) a).deepCopy();
                normaliser.normaliseAttribute(copy, existing.id(), "0");
                attributes.add(copy);
            }
        }
        event.path("Object").forEach(o -> objects.add(o.deepCopy()));
        normaliser.normalise(existing.tree(), true);
    }

    /**
     * Adds a generated event whose {@code attributes} attributes are produced while it is served.
     *
     * @return the event id
     */
    public synchronized String addGenerated(String info, int attributes, long timestamp, List<String> tags) {
        ObjectNode header = JSON.createObjectNode();
        header.put("info", info);
        header.put("timestamp", String.valueOf(timestamp));
        ArrayNode tagArray = header.putArray("Tag");
        tags.forEach(t -> tagArray.addObject().put("name", t));
        normaliser.normaliseHeader(header);
        header.put("attribute_count", String.valueOf(attributes));
        header.remove("Attribute");
        header.remove("Object");
        long firstId = normaliser.reserveAttributeIds(attributes);
        SyntheticEvent event = new SyntheticEvent(header, attributes, firstId);
        events.put(event.id(), event);
        return event.id();
    }

    /** A copy of an event as MISP would return it, deleted attributes included; empty if unknown. */
    public synchronized Optional<ObjectNode> event(String idOrUuid) {
        return find(idOrUuid).map(e -> e instanceof TreeEvent t ? t.tree().deepCopy() : e.header());
    }

    /** Every stored event id in insertion order. */
    public synchronized List<String> eventIds() {
        return List.copyOf(events.keySet());
    }

    /** What the API changed, in order: e.g. {@code create event 3}, {@code delete attribute 17}. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    /** Sets an event's last-modification timestamp, as if it had been edited then. */
    public synchronized void touch(String idOrUuid, long timestamp) {
        EmulatedEvent event = require(idOrUuid, "/events/edit");
        if (event instanceof TreeEvent t) {
            t.tree().put("timestamp", String.valueOf(timestamp));
        } else {
            throw new IllegalArgumentException("generated events keep their timestamp");
        }
    }

    /** Deletes an event for good, as {@code /events/delete} does: it is no longer listed nor served. */
    public synchronized void delete(String idOrUuid) {
        EmulatedEvent event = require(idOrUuid, "/events/delete");
        events.remove(event.id());
        writes.add("delete event " + event.id());
    }

    synchronized Optional<EmulatedEvent> find(String idOrUuid) {
        EmulatedEvent byId = events.get(idOrUuid);
        if (byId != null) {
            return Optional.of(byId);
        }
        return events.values().stream().filter(e -> e.uuid().equals(idOrUuid)).findFirst();
    }

    synchronized Optional<ObjectNode> organisation(String id) {
        return normaliser.organisation(id);
    }

    /** Headers of all events, for the index search. */
    synchronized List<ObjectNode> headers() {
        List<ObjectNode> headers = new ArrayList<>(events.size());
        events.values().forEach(e -> headers.add(e.header()));
        return headers;
    }

    synchronized String tagId(String name) {
        return normaliser.tagId(name);
    }

    // ---- writes through the API -------------------------------------------------------------

    synchronized TreeEvent create(ObjectNode body) {
        ObjectNode event = body.has("Event") && body.get("Event").isObject() ? (ObjectNode) body.get("Event") : body;
        if (event.path("info").asString("").isBlank()) {
            throw refusal(403, "Could not add Event", "The event could not be saved.", "/events/add",
                    JSON.createObjectNode().set("Event", JSON.createObjectNode().set("info",
                            JSON.createArrayNode().add("Info cannot be empty."))));
        }
        for (JsonNode attribute : event.path("Attribute")) {
            validateAttribute(attribute, "/events/add", "Could not add Event");
        }
        ObjectNode copy = event.deepCopy();
        copy.remove("id");
        copy.remove("uuid");
        copy.put("timestamp", String.valueOf(now()));
        copy.set("Orgc", normaliser.keyOrg());
        copy.set("Org", normaliser.keyOrg());
        TreeEvent stored = new TreeEvent(normaliser.normalise(copy));
        events.put(stored.id(), stored);
        writes.add("create event " + stored.id());
        return stored;
    }

    synchronized TreeEvent edit(String idOrUuid, ObjectNode body) {
        TreeEvent event = requireTree(idOrUuid, "/events/edit");
        ObjectNode changes = body.has("Event") ? (ObjectNode) body.get("Event") : body;
        for (String field : List.of("info", "date", "threat_level_id", "analysis", "distribution", "published", "extends_uuid")) {
            if (changes.has(field)) {
                event.tree().set(field, changes.get(field).isValueNode() && !changes.get(field).isBoolean()
                        ? JSON.getNodeFactory().stringNode(changes.get(field).asString()) : changes.get(field));
            }
        }
        for (JsonNode attribute : changes.path("Attribute")) {
            addAttribute(event, (ObjectNode) attribute);
        }
        touched(event);
        writes.add("edit event " + event.id());
        return event;
    }

    synchronized ObjectNode addAttribute(String eventIdOrUuid, ObjectNode attribute) {
        TreeEvent event = requireTree(eventIdOrUuid, "/attributes/add");
        validateAttribute(attribute, "/attributes/add", "Could not add Attribute");
        ObjectNode added = addAttribute(event, attribute);
        touched(event);
        writes.add("add attribute " + added.path("id").asString() + " " + added.path("type").asString()
                + " " + added.path("value").asString() + " to event " + event.id());
        return added.deepCopy();
    }

    private ObjectNode addAttribute(TreeEvent event, ObjectNode attribute) {
        ObjectNode copy = attribute.deepCopy();
        copy.remove("id");
        copy.remove("uuid");
        copy.put("timestamp", String.valueOf(now()));
        if (copy.has("data")) {
            String data = copy.path("data").asString("");
            copy.remove("data");
            normaliser.normaliseAttribute(copy, event.id(), "0");
            attachments.put(copy.path("id").asString(), Base64.getDecoder().decode(data));
        } else {
            normaliser.normaliseAttribute(copy, event.id(), "0");
        }
        event.attributes().add(copy);
        return copy;
    }

    synchronized void deleteAttribute(String idOrUuid, boolean hard) {
        for (EmulatedEvent e : events.values()) {
            if (!(e instanceof TreeEvent event)) {
                continue;
            }
            for (ArrayNode list : event.attributeLists()) {
                for (int i = 0; i < list.size(); i++) {
                    ObjectNode a = (ObjectNode) list.get(i);
                    if (matches(a, idOrUuid) && !(a.path("deleted").asBoolean(false) && !hard)) {
                        if (hard) {
                            list.remove(i);
                        } else {
                            a.put("deleted", true);
                            a.put("timestamp", String.valueOf(now()));
                        }
                        touched(event);
                        writes.add((hard ? "hard-delete" : "delete") + " attribute " + a.path("id").asString()
                                + " of event " + event.id());
                        return;
                    }
                }
            }
        }
        throw refusal(404, "Invalid attribute", "Invalid attribute", "/attributes/delete/" + idOrUuid, null);
    }

    synchronized String tag(String uuid, String tag, boolean attach) {
        for (EmulatedEvent e : events.values()) {
            if (!(e instanceof TreeEvent event)) {
                continue;
            }
            if (event.uuid().equals(uuid)) {
                changeTag(event.tree().withArray("Tag"), tag, attach);
                touched(event);
                writes.add((attach ? "tag" : "untag") + " event " + event.id() + " " + tag);
                return "Event";
            }
            for (ArrayNode list : event.attributeLists()) {
                for (JsonNode a : list) {
                    if (a.path("uuid").asString("").equals(uuid)) {
                        changeTag(((ObjectNode) a).withArray("Tag"), tag, attach);
                        ((ObjectNode) a).put("timestamp", String.valueOf(now()));
                        touched(event);
                        writes.add((attach ? "tag" : "untag") + " attribute " + a.path("id").asString() + " " + tag);
                        return "Attribute";
                    }
                }
            }
        }
        throw refusal(404, "Invalid object", "Invalid Target.", "/tags/attachTagToObject", null);
    }

    synchronized void publish(String idOrUuid) {
        TreeEvent event = requireTree(idOrUuid, "/events/publish");
        event.tree().put("published", true);
        event.tree().put("publish_timestamp", String.valueOf(now()));
        writes.add("publish event " + event.id());
    }

    /** {@code upload_sample}: one malware-sample attribute per file, value {@code name|md5}. */
    synchronized int uploadSample(String eventIdOrUuid, ObjectNode body) {
        TreeEvent event = requireTree(eventIdOrUuid, "/events/upload_sample");
        JsonNode request = body.has("request") ? body.get("request") : body;
        JsonNode files = request.path("files");
        if (!files.isArray() || files.isEmpty()) {
            throw refusal(403, "Failed", "No files were uploaded.", "/events/upload_sample/" + eventIdOrUuid, null);
        }
        for (JsonNode file : files) {
            byte[] content = Base64.getDecoder().decode(file.path("data").asString(""));
            ObjectNode attribute = JSON.createObjectNode();
            attribute.put("type", "malware-sample");
            attribute.put("category", request.path("category").asString("Payload delivery"));
            attribute.put("value", file.path("filename").asString() + "|" + md5(content));
            attribute.put("comment", request.path("comment").asString(""));
            attribute.put("to_ids", request.path("to_ids").asBoolean(true));
            ObjectNode added = addAttribute(event, attribute);
            attachments.put(added.path("id").asString(), content);
            writes.add("upload sample " + file.path("filename").asString() + " (" + content.length + " bytes) to event " + event.id());
        }
        touched(event);
        return files.size();
    }

    synchronized Optional<byte[]> attachment(String attributeId) {
        return Optional.ofNullable(attachments.get(attributeId)).map(byte[]::clone);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void validateAttribute(JsonNode attribute, String url, String name) {
        ObjectNode errors = JSON.createObjectNode();
        if (attribute.path("type").asString("").isBlank()) {
            errors.set("type", JSON.createArrayNode().add("The type of the attribute is not set."));
        }
        if (attribute.path("value").asString("").isBlank()) {
            errors.set("value", JSON.createArrayNode().add("Value not set."));
        }
        if (!errors.isEmpty()) {
            throw refusal(403, name, name, url, errors);
        }
    }

    static EmulatorRefusal refusal(int status, String name, String message, String url, JsonNode errors) {
        ObjectNode body = JSON.createObjectNode();
        if (errors != null || status == 403) {
            body.put("saved", false);
        }
        body.put("name", name);
        body.put("message", message);
        body.put("url", url);
        if (errors != null) {
            body.set("errors", errors);
        }
        return new EmulatorRefusal(status, body);
    }

    private EmulatedEvent require(String idOrUuid, String url) {
        return find(idOrUuid).orElseThrow(() -> refusal(404, "Invalid event", "Invalid event", url + "/" + idOrUuid, null));
    }

    private TreeEvent requireTree(String idOrUuid, String url) {
        EmulatedEvent event = require(idOrUuid, url);
        if (event instanceof TreeEvent tree) {
            return tree;
        }
        throw refusal(405, "MethodNotAllowed", "Generated events are read-only in the emulator", url, null);
    }

    private void touched(TreeEvent event) {
        long previous = Long.parseLong(event.tree().path("timestamp").asString("0"));
        event.tree().put("timestamp", String.valueOf(Math.max(previous, now())));
        event.tree().put("attribute_count", String.valueOf(event.liveAttributeCount()));
    }

    private static boolean matches(JsonNode attribute, String idOrUuid) {
        return attribute.path("id").asString("").equals(idOrUuid) || attribute.path("uuid").asString("").equals(idOrUuid);
    }

    private void changeTag(ArrayNode tags, String name, boolean attach) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).path("name").asString("").equalsIgnoreCase(name)) {
                if (!attach) {
                    tags.remove(i);
                }
                return;
            }
        }
        if (attach) {
            tags.add(normaliser.tagNode(name, null));
        }
    }

    private static String md5(byte[] content) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(content);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
