package io.sightline.testkit.cortex;

import io.sightline.integrations.http.HttpJson;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/status}, {@code /api/user/current} and the analyzer listing endpoints. */
final class AnalyzerEndpoints {

    private final AnalyzerCatalog catalog;
    private final CortexEmulatorOptions options;
    private final long startedAt;

    AnalyzerEndpoints(AnalyzerCatalog catalog, CortexEmulatorOptions options, long startedAt) {
        this.catalog = catalog;
        this.options = options;
        this.startedAt = startedAt;
    }

    void status(EmulatorRequest request) throws IOException {
        ObjectNode status = HttpJson.MAPPER.createObjectNode();
        ObjectNode versions = status.putObject("versions");
        versions.put("Cortex", options.cortexVersion());
        versions.put("Elastic4Play", "1.13.6");
        versions.put("Play", "2.8.19");
        versions.put("Elastic4s", "7.17.4");
        versions.put("ElasticSearch client", "7.17.4");
        ObjectNode config = status.putObject("config");
        config.put("protectDownloadsWith", "malware");
        config.putArray("authType").add("key").add("local");
        config.putArray("capabilities").add("changePassword").add("setPassword").add("authByKey");
        config.put("ssoAutoLogin", false);
        request.json(200, status);
    }

    void currentUser(EmulatorRequest request) throws IOException {
        ObjectNode user = HttpJson.MAPPER.createObjectNode();
        user.put("id", "sightline");
        user.put("_id", "sightline");
        user.put("_type", "user");
        user.put("name", "Sightline integration");
        user.putArray("roles").add("read").add("analyze");
        user.put("organization", options.organization());
        user.put("status", "Ok");
        user.put("hasKey", true);
        user.put("createdAt", startedAt);
        user.put("createdBy", "admin");
        request.json(200, user);
    }

    void list(EmulatorRequest request) throws IOException {
        answerList(request, analyzer -> true, request.query.get("range"));
    }

    void byType(EmulatorRequest request) throws IOException {
        String dataType = request.param(0);
        answerList(request, analyzer -> analyzer.accepts(dataType), request.query.get("range"));
    }

    void get(EmulatorRequest request) throws IOException {
        Optional<EmulatedAnalyzer> analyzer = catalog.byId(request.param(0));
        if (analyzer.isEmpty()) {
            request.error(404, "AnalyzerNotFoundError", "analyzer " + request.param(0) + " not found");
            return;
        }
        request.json(200, analyzer.get().worker());
    }

    /** Supports the query TheHive sends: {@code {query:{_field, _value}, range}}; an empty query matches all. */
    void search(EmulatorRequest request) throws IOException {
        JsonNode body = request.jsonBody();
        if (body == null) {
            return;
        }
        JsonNode query = body.path("query");
        Predicate<EmulatedAnalyzer> filter;
        if (query.isMissingNode() || query.isEmpty()) {
            filter = analyzer -> true;
        } else if (query.has("_field") && query.has("_value")) {
            String field = query.path("_field").asString();
            String value = query.path("_value").asString();
            filter = analyzer -> value.equals(analyzer.worker().path(field).asString(null));
        } else {
            request.error(400, "SearchError", "the emulator only supports {_field, _value} queries: " + query);
            return;
        }
        String range = body.path("range").isMissingNode() ? request.query.get("range") : body.path("range").asString();
        answerList(request, filter, range);
    }

    private void answerList(EmulatorRequest request, Predicate<EmulatedAnalyzer> filter, String range)
            throws IOException {
        List<JsonNode> matching = catalog.all().stream().filter(filter).map(EmulatedAnalyzer::worker)
                .map(JsonNode.class::cast).toList();
        int[] bounds = Ranges.parse(range, matching.size());
        if (bounds == null) {
            request.error(400, "BadRequest", "invalid range '" + range + "'");
            return;
        }
        request.jsonList(matching.subList(bounds[0], bounds[1]), matching.size());
    }
}
