package io.sightline.testkit.misp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The MISP endpoints the connector uses, answering with MISP's JSON shapes. */
final class MispEmulatorRoutes {

    /** Where an answer goes: status, extra headers, and a body writer. */
    interface Reply {
        void json(int status, Map<String, String> headers, BodyWriter body) throws IOException;

        void bytes(int status, String contentType, Map<String, String> headers, byte[] body) throws IOException;
    }

    interface BodyWriter {
        void write(JsonGenerator out) throws IOException;
    }

    private static final Pattern ORGANISATION = Pattern.compile("/organisations/view/([^/]+)");
    private static final Pattern VIEW = Pattern.compile("/events/view/([^/]+)(/deleted:(\\w+))?");
    private static final Pattern EDIT = Pattern.compile("/events/edit/([^/]+)");
    private static final Pattern PUBLISH = Pattern.compile("/events/publish/([^/]+)");
    private static final Pattern UPLOAD = Pattern.compile("/events/upload_sample/([^/]+)");
    private static final Pattern ADD_ATTRIBUTE = Pattern.compile("/attributes/add/([^/]+)");
    private static final Pattern DELETE_ATTRIBUTE = Pattern.compile("/attributes/delete/([^/]+)(/1)?");
    private static final Pattern DOWNLOAD = Pattern.compile("/attributes/download/([^/]+)");

    private final MispEmulatorStore store;
    private final String version;
    private final java.util.function.Consumer<String> served;

    /** @param served told the id of every full event written in an answer */
    MispEmulatorRoutes(MispEmulatorStore store, String version, java.util.function.Consumer<String> served) {
        this.store = store;
        this.version = version;
        this.served = served;
    }

    void handle(String method, String path, JsonNode body, Reply reply) throws IOException {
        Matcher m;
        boolean post = method.equals("POST");
        if (path.equals("/servers/getVersion")) {
            reply.json(200, Map.of(), this::version);
        } else if (path.equals("/users/view/me")) {
            reply.json(200, Map.of(), this::me);
        } else if ((m = ORGANISATION.matcher(path)).matches()) {
            ObjectNode org = store.organisation(m.group(1)).orElseThrow(() -> MispEmulatorStore.refusal(404,
                    "Invalid organisation", "Invalid organisation", path, null));
            reply.json(200, Map.of(), g -> wrapped(g, "Organisation", org));
        } else if (path.equals("/events/index")) {
            EmulatorIndexSearch.Page page = EmulatorIndexSearch.search(store.headers(), body, store);
            reply.json(200, Map.of("X-Result-Count", String.valueOf(page.total())), g -> {
                g.writeStartArray();
                page.events().forEach(g::writeTree);
                g.writeEndArray();
            });
        } else if ((m = VIEW.matcher(path)).matches()) {
            String id = m.group(1);
            boolean deleted = truthy(body.path("deleted")) || "1".equals(m.group(3)) || "true".equals(m.group(3));
            EmulatedEvent event = store.find(id).orElseThrow(() -> MispEmulatorStore.refusal(404,
                    "Invalid event", "Invalid event", path, null));
            reply.json(200, Map.of(), g -> {
                g.writeStartObject();
                g.writeName("Event");
                event.write(g, deleted);
                g.writeEndObject();
                served.accept(event.id());
            });
        } else if (post && (path.equals("/events/restSearch") || path.equals("/events/restSearch/json"))) {
            boolean deleted = truthy(body.path("deleted"));
            List<EmulatedEvent> events = EmulatorIndexSearch.restSearch(store, body);
            reply.json(200, Map.of("X-Result-Count", String.valueOf(events.size())), g -> {
                g.writeStartObject();
                g.writeArrayPropertyStart("response");
                for (EmulatedEvent event : events) {
                    g.writeStartObject();
                    g.writeName("Event");
                    event.write(g, deleted);
                    g.writeEndObject();
                    served.accept(event.id());
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        } else if (post && (path.equals("/events") || path.equals("/events/add"))) {
            requireObject(body, path);
            TreeEvent created = store.create((ObjectNode) body);
            reply.json(200, Map.of(), g -> eventAnswer(g, created));
        } else if (post && (m = EDIT.matcher(path)).matches()) {
            requireObject(body, path);
            TreeEvent edited = store.edit(m.group(1), (ObjectNode) body);
            reply.json(200, Map.of(), g -> eventAnswer(g, edited));
        } else if (post && (m = ADD_ATTRIBUTE.matcher(path)).matches()) {
            requireObject(body, path);
            ObjectNode attribute = store.addAttribute(m.group(1), (ObjectNode) body);
            reply.json(200, Map.of(), g -> wrapped(g, "Attribute", attribute));
        } else if (post && (m = DELETE_ATTRIBUTE.matcher(path)).matches()) {
            store.deleteAttribute(m.group(1), m.group(2) != null);
            reply.json(200, Map.of(), g -> message(g, "Attribute deleted."));
        } else if (post && (path.equals("/tags/attachTagToObject") || path.equals("/tags/removeTagFromObject"))) {
            boolean attach = path.endsWith("attachTagToObject");
            String target = store.tag(body.path("uuid").asString(""), body.path("tag").asString(""), attach);
            reply.json(200, Map.of(), g -> {
                g.writeStartObject();
                g.writeBooleanProperty("saved", true);
                g.writeStringProperty("success", attach ? "Tag(s) attached to " + target + "." : "Tag removed.");
                g.writeBooleanProperty("check_publish", true);
                g.writeEndObject();
            });
        } else if (post && (m = PUBLISH.matcher(path)).matches()) {
            String id = m.group(1);
            store.publish(id);
            reply.json(200, Map.of(), g -> {
                g.writeStartObject();
                g.writeBooleanProperty("saved", true);
                g.writeBooleanProperty("success", true);
                g.writeStringProperty("name", "Job queued");
                g.writeStringProperty("message", "Job queued");
                g.writeStringProperty("url", path);
                g.writeStringProperty("id", id);
                g.writeEndObject();
            });
        } else if (post && (m = UPLOAD.matcher(path)).matches()) {
            requireObject(body, path);
            String id = m.group(1);
            store.uploadSample(id, (ObjectNode) body);
            reply.json(200, Map.of(), g -> {
                g.writeStartObject();
                g.writeStringProperty("name", "Success");
                g.writeStringProperty("message", "Success, saved all attributes.");
                g.writeStringProperty("url", "/events/view/" + id);
                g.writeStringProperty("id", id);
                g.writeEndObject();
            });
        } else if ((m = DOWNLOAD.matcher(path)).matches()) {
            String id = m.group(1);
            byte[] content = store.attachment(id).orElseThrow(() -> MispEmulatorStore.refusal(404,
                    "Invalid attribute", "Invalid attribute", path, null));
            reply.bytes(200, "application/octet-stream",
                    Map.of("Content-Disposition", "attachment; filename=\"" + id + ".bin\""), content);
        } else {
            throw MispEmulatorStore.refusal(404, "Not Found", "The requested address '" + path
                    + "' was not found on this server.", path, null);
        }
    }

    private void version(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("version", version);
        g.writeStringProperty("pymisp_recommended_version", version);
        g.writeBooleanProperty("perm_sync", true);
        g.writeBooleanProperty("perm_sighting", true);
        g.writeBooleanProperty("perm_galaxy_editor", false);
        g.writeBooleanProperty("perm_analyst_data", false);
        g.writeStringProperty("uuid", "d3f2c8a4-5e0b-4c7e-9a1d-6b2e8f0c4a55");
        g.writeArrayPropertyStart("request_encoding");
        g.writeString("gzip");
        g.writeEndArray();
        g.writeBooleanProperty("filter_sightings", true);
        g.writeEndObject();
    }

    private void me(JsonGenerator g) {
        ObjectNode org = store.keyOrg();
        g.writeStartObject();
        g.writeObjectPropertyStart("User");
        g.writeStringProperty("id", "1");
        g.writeStringProperty("org_id", org.path("id").asString());
        g.writeStringProperty("email", "admin@emulator.test");
        g.writeStringProperty("role_id", "1");
        g.writeBooleanProperty("autoalert", false);
        g.writeBooleanProperty("disabled", false);
        g.writeEndObject();
        g.writeObjectPropertyStart("Role");
        g.writeStringProperty("id", "1");
        g.writeStringProperty("name", "admin");
        g.writeBooleanProperty("perm_auth", true);
        g.writeEndObject();
        g.writeName("Organisation");
        g.writeTree(org);
        g.writeArrayPropertyStart("UserSetting");
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void eventAnswer(JsonGenerator g, TreeEvent event) {
        g.writeStartObject();
        g.writeName("Event");
        event.write(g, false);
        g.writeEndObject();
    }

    private static void wrapped(JsonGenerator g, String name, JsonNode value) {
        g.writeStartObject();
        g.writeName(name);
        g.writeTree(value);
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String message) {
        g.writeStartObject();
        g.writeStringProperty("message", message);
        g.writeEndObject();
    }

    private static boolean truthy(JsonNode value) {
        if (value.isArray()) {
            return value.size() > 1 || (value.size() == 1 && truthy(value.get(0)));
        }
        String text = value.asString("");
        return value.asBoolean(false) || text.equals("1") || text.equalsIgnoreCase("true") || text.equals("only");
    }

    private static void requireObject(JsonNode body, String path) {
        if (!body.isObject() || body.isEmpty()) {
            throw MispEmulatorStore.refusal(405, "MethodNotAllowed", "You do not have permission to use this functionality"
                    + " or the request body is missing.", path, null);
        }
    }
}
