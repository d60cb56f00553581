package io.sightline.testkit.cortex;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Cortex's responder listing endpoints: all, by data type ({@code thehive:case}, ...), one by id. */
final class ResponderEndpoints {

    private final AnalyzerCatalog catalog;

    ResponderEndpoints(AnalyzerCatalog catalog) {
        this.catalog = catalog;
    }

    void list(EmulatorRequest request) throws IOException {
        answerList(request, responder -> true);
    }

    void byType(EmulatorRequest request) throws IOException {
        String dataType = request.param(0);
        answerList(request, responder -> responder.accepts(dataType));
    }

    void get(EmulatorRequest request) throws IOException {
        Optional<EmulatedAnalyzer> responder = catalog.responderById(request.param(0));
        if (responder.isEmpty()) {
            request.error(404, "NotFoundError", "responder " + request.param(0) + " not found");
            return;
        }
        request.json(200, responder.get().worker());
    }

    private void answerList(EmulatorRequest request, Predicate<EmulatedAnalyzer> filter) throws IOException {
        List<JsonNode> matching = catalog.responders().stream().filter(filter).map(EmulatedAnalyzer::worker)
                .map(JsonNode.class::cast).toList();
        String range = request.query.get("range");
        int[] bounds = Ranges.parse(range, matching.size());
        if (bounds == null) {
            request.error(400, "BadRequest", "invalid range '" + range + "'");
            return;
        }
        request.jsonList(matching.subList(bounds[0], bounds[1]), matching.size());
    }
}
