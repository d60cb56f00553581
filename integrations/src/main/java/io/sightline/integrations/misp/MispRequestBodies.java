package io.sightline.integrations.misp;

import io.sightline.integrations.misp.model.MispEventUpdate;
import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispNewEvent;
import io.sightline.integrations.misp.model.MispSample;

import io.sightline.integrations.http.HttpJson;
import io.sightline.integrations.http.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies MISP expects, in the shapes PyMISP sends. */
final class MispRequestBodies {

    private MispRequestBodies() {
    }

    static ObjectNode indexSearch(MispEventQuery query, long since, int page, int limit) {
        ObjectNode body = HttpJson.MAPPER.createObjectNode();
        if (since > 0) {
            body.put("searchtimestamp", since);
        }
        if (!query.tagFilter().isEmpty()) {
            strings(body.putArray("searchtag"), query.tagFilter());
        }
        if (!query.orgFilter().isEmpty()) {
            strings(body.putArray("searchorg"), query.orgFilter());
        }
        if (Boolean.TRUE.equals(query.publishedOnly())) {
            body.put("searchpublished", 1);
        }
        body.put("limit", limit);
        body.put("page", page);
        body.put("sort", "timestamp");
        body.put("direction", "asc");
        return body;
    }

    /** {@code POST /events/restSearch} for full events (attributes, objects, tags) by id. */
    static ObjectNode eventsById(List<String> ids) {
        ObjectNode body = HttpJson.MAPPER.createObjectNode();
        body.put("returnFormat", "json");
        strings(body.putArray("eventid"), ids);
        body.put("limit", ids.size());
        body.put("page", 1);
        return body;
    }

    static ObjectNode newEvent(MispNewEvent event) {
        ObjectNode root = HttpJson.MAPPER.createObjectNode();
        ObjectNode e = root.putObject("Event");
        e.put("info", event.info());
        e.put("date", event.date().toString());
        e.put("threat_level_id", String.valueOf(event.threatLevelId()));
        e.put("analysis", String.valueOf(event.analysis()));
        e.put("distribution", String.valueOf(event.distribution()));
        e.put("published", event.published());
        if (event.extendsUuid() != null) {
            e.put("extends_uuid", event.extendsUuid());
        }
        tags(e.putArray("Tag"), event.tags());
        ArrayNode attributes = e.putArray("Attribute");
        event.attributes().forEach(a -> attributes.add(attribute(a)));
        return root;
    }

    static ObjectNode update(MispEventUpdate update) {
        ObjectNode root = HttpJson.MAPPER.createObjectNode();
        ObjectNode e = root.putObject("Event");
        if (update.info() != null) {
            e.put("info", update.info());
        }
        if (update.date() != null) {
            e.put("date", update.date().toString());
        }
        if (update.threatLevelId() != null) {
            e.put("threat_level_id", String.valueOf(update.threatLevelId()));
        }
        if (update.analysis() != null) {
            e.put("analysis", String.valueOf(update.analysis()));
        }
        if (update.distribution() != null) {
            e.put("distribution", String.valueOf(update.distribution()));
        }
        if (update.published() != null) {
            e.put("published", update.published());
        }
        return root;
    }

    static ObjectNode attribute(MispNewAttribute a) {
        ObjectNode node = HttpJson.MAPPER.createObjectNode();
        node.put("type", a.type());
        node.put("category", a.category());
        node.put("value", a.value());
        node.put("to_ids", a.toIds());
        node.put("comment", a.comment());
        if (a.distribution() != null) {
            node.put("distribution", String.valueOf(a.distribution()));
        }
        if (!a.tags().isEmpty()) {
            tags(node.putArray("Tag"), a.tags());
        }
        return node;
    }

    static ObjectNode tag(String uuid, String tag, Boolean local) {
        ObjectNode node = HttpJson.MAPPER.createObjectNode();
        node.put("uuid", uuid);
        node.put("tag", tag);
        if (local != null) {
            node.put("local", local);
        }
        return node;
    }

    /**
     * A sample upload whose base64 content is streamed from the file: {@code upload_sample}'s
     * {@code {request:{…, files:[{filename, data}]}}} or an {@code attachment} attribute with {@code data}.
     */
    static RequestBody sample(MispSample sample) {
        if (!Files.isReadable(sample.file())) {
            throw new UncheckedIOException(new IOException("cannot read sample file " + sample.file()));
        }
        String prefix;
        String suffix;
        if (sample.kind() == MispSample.Kind.MALWARE_SAMPLE) {
            prefix = "{\"request\":{\"category\":" + quote(sample.category()) + ",\"comment\":" + quote(sample.comment())
                    + ",\"to_ids\":" + sample.toIds() + ",\"files\":[{\"filename\":" + quote(sample.fileName()) + ",\"data\":\"";
            suffix = "\"}]}}";
        } else {
            prefix = "{\"type\":\"attachment\",\"category\":" + quote(sample.category()) + ",\"value\":"
                    + quote(sample.fileName()) + ",\"comment\":" + quote(sample.comment()) + ",\"to_ids\":"
                    + sample.toIds() + ",\"data\":\"";
            suffix = "\"}";
        }
        BodyPublisher content = BodyPublishers.ofInputStream(() -> {
            try {
                return new Base64EncodingInputStream(Files.newInputStream(sample.file()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read sample file " + sample.file(), e);
            }
        });
        return new RequestBody("application/json", BodyPublishers.concat(
                BodyPublishers.ofString(prefix, StandardCharsets.UTF_8), content,
                BodyPublishers.ofString(suffix, StandardCharsets.UTF_8)));
    }

    private static String quote(String text) {
        return HttpJson.MAPPER.writeValueAsString(text);
    }

    private static void tags(ArrayNode array, List<String> names) {
        names.forEach(n -> array.addObject().put("name", n));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
