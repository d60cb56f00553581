package io.sightline.testkit.stixify;

import com.sun.net.httpserver.HttpExchange;
import io.sightline.stix.JsonTrees;
import io.sightline.stix.StixJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the emulator's answers: paginated lists (streamed) and dogesec-style errors. */
final class StixifyResponses {

    /** Produces the items of positions {@code from} to {@code to} of a list. */
    @FunctionalInterface
    interface PageItems {
        Iterator<? extends JsonNode> items(int from, int to);
    }

    /**
     * Logs the request being answered with its status; set by the emulator for the handler thread
     * (an exchange is handled on one thread from start to end).
     */
    static final ThreadLocal<java.util.function.IntConsumer> RECORDER = new ThreadLocal<>();

    private final StixifyFaults faults;

    StixifyResponses(StixifyFaults faults) {
        this.faults = faults;
    }

    void delay() {
        Duration delay = faults.pageDelay();
        if (delay.isZero()) return;
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown to drop the connection in the middle of an answer. */
    static final class BrokenAnswer extends RuntimeException {
        BrokenAnswer() {
            super("answer broken off on purpose", null, false, false);
        }
    }

    int page(HttpExchange exchange, String key, StixifyQuery query, int total, PageItems items) throws IOException {
        return page(exchange, key, query, total, items, -1);
    }

    /** A page that breaks off after {@code breakAfter} items when that is not negative. */
    int page(HttpExchange exchange, String key, StixifyQuery query, int total, PageItems items, int breakAfter)
            throws IOException {
        int size = query.pageSize();
        long start = (long) (query.page() - 1) * size;
        if (start >= total && faults.repeatLastPage() && total > 0) start = (long) ((total - 1) / size) * size;
        int from = (int) Math.min(start, total);
        int to = Math.min(from + size, total);
        // Rendered whole, then sent with its length, as Django REST framework answers; a page is at most 200 objects.
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        int breakAt = -1;
        try (JsonGenerator json = StixJson.mapper().createGenerator(body)) {
            json.writeStartObject();
            json.writeNumberProperty("page_size", size);
            json.writeNumberProperty("page_number", query.page());
            json.writeNumberProperty("page_results_count", to - from);
            json.writeNumberProperty("total_results_count", total + faults.extraTotal());
            json.writeName(key);
            json.writeStartArray();
            int written = 0;
            for (Iterator<? extends JsonNode> it = items.items(from, to); it.hasNext(); ) {
                if (written++ == breakAfter) {
                    json.flush();
                    breakAt = body.size();
                }
                JsonTrees.write(json, it.next());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        record(200);
        exchange.sendResponseHeaders(200, body.size());
        OutputStream out = exchange.getResponseBody();
        if (breakAt >= 0) {
            // Not closed: leaving the exchange open makes the server drop the connection mid-body.
            out.write(body.toByteArray(), 0, breakAt);
            out.flush();
            throw new BrokenAnswer();
        }
        body.writeTo(out);
        out.close();
        return 200;
    }

    int error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = StixJson.mapper().createObjectNode().put("code", status).put("message", message);
        return send(exchange, status, body);
    }

    /** DRF-style field error: {@code {"code":400,"message":"Bad Request","details":{field:[message]}}}. */
    int badRequestDetail(HttpExchange exchange, String field, String message) throws IOException {
        ObjectNode body = StixJson.mapper().createObjectNode().put("code", 400).put("message", "Bad Request");
        body.putObject("details").putArray(field).add(message);
        return send(exchange, 400, body);
    }

    static ObjectNode dossierItem(EmulatedDossier dossier) {
        return StixJson.mapper().createObjectNode().put("id", dossier.id()).put("name", dossier.name())
                .put("created", dossier.created().toString()).put("modified", dossier.created().toString());
    }

    static ObjectNode reportItem(EmulatedReport report) {
        ObjectNode item = StixJson.mapper().createObjectNode().put("type", "report").put("spec_version", "2.1")
                .put("id", report.id()).put("name", report.name()).put("created", report.addedAt().toString())
                .put("modified", report.addedAt().toString());
        item.putObject("stixify_report_metadata").put("id", report.id().substring("report--".length()))
                .put("name", report.name()).put("added_at", report.addedAt().toString());
        return item;
    }

    private static int send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        record(status);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    private static void record(int status) {
        java.util.function.IntConsumer recorder = RECORDER.get();
        if (recorder != null) {
            recorder.accept(status);
            RECORDER.remove();
        }
    }
}
