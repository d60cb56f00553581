package io.sightline.testkit.cortex;

import io.sightline.integrations.http.HttpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A job of the emulator. Its status is a function of time (Waiting until {@code startAt},
 * InProgress until {@code endAt}, then Success or Failure) so no background thread is needed;
 * deletion is the only change made from outside.
 */
final class EmulatedJob {

    final String id;
    final EmulatedAnalyzer analyzer;
    final String organization;
    final String dataType;
    final String data;
    final ObjectNode attachment;
    final int tlp;
    final int pap;
    final String message;
    final JsonNode parameters;
    final String label;
    final String cacheTag;
    final long createdAt;
    final long startAt;
    final long endAt;
    /** Null for a job that succeeds; else the error message of its Failure report. */
    final String failureMessage;
    private volatile long deletedAt;

    EmulatedJob(String id, EmulatedAnalyzer analyzer, String organization, JobInput input, String cacheTag,
            long createdAt, long startAt, long endAt, String failureMessage) {
        this.id = id;
        this.analyzer = analyzer;
        this.organization = organization;
        this.dataType = input.dataType();
        this.data = input.data();
        this.attachment = input.attachment();
        this.tlp = input.tlp();
        this.pap = input.pap();
        this.message = input.message();
        this.parameters = input.parameters();
        this.label = input.label();
        this.cacheTag = cacheTag;
        this.createdAt = createdAt;
        this.startAt = startAt;
        this.endAt = endAt;
        this.failureMessage = failureMessage;
    }

    /** What a job was asked to analyze. */
    record JobInput(String dataType, String data, ObjectNode attachment, int tlp, int pap, String message,
            JsonNode parameters, String label, boolean force) {
    }

    void delete(long now) {
        deletedAt = now;
    }

    boolean isDeleted() {
        return deletedAt != 0;
    }

    String status(long now) {
        if (isDeleted()) {
            return "Deleted";
        }
        if (now < startAt) {
            return "Waiting";
        }
        if (now < endAt) {
            return "InProgress";
        }
        return failureMessage == null ? "Success" : "Failure";
    }

    boolean isFinished(long now) {
        String status = status(now);
        return !status.equals("Waiting") && !status.equals("InProgress");
    }

    ObjectNode toJson(long now, boolean fromCache) {
        String status = status(now);
        ObjectNode job = HttpJson.MAPPER.createObjectNode();
        job.put("id", id);
        job.put("_id", id);
        job.put("_type", "job");
        job.put("_routing", id);
        job.putNull("_parent");
        job.put("_version", 1);
        job.put("workerId", analyzer.id());
        job.put("workerName", analyzer.name());
        job.put("workerDefinitionId", analyzer.name());
        job.put("analyzerId", analyzer.id());
        job.put("analyzerName", analyzer.name());
        job.put("analyzerDefinitionId", analyzer.name());
        job.put("organization", organization);
        job.put("type", analyzer.worker().path("type").asString("analyzer"));
        job.put("status", status);
        job.put("dataType", dataType);
        if (data != null) {
            job.put("data", data);
        }
        if (attachment != null) {
            job.set("attachment", attachment.deepCopy());
        }
        job.put("tlp", tlp);
        job.put("pap", pap);
        job.put("message", message);
        job.set("parameters", parameters.deepCopy());
        if (label != null) {
            job.put("label", label);
        }
        job.put("cacheTag", cacheTag);
        if (fromCache) {
            job.put("fromCache", true);
        }
        if (status.equals("Failure")) {
            job.put("errorMessage", failureMessage);
        }
        job.put("date", createdAt);
        job.put("createdAt", createdAt);
        job.put("createdBy", "sightline");
        if (now >= startAt) {
            job.put("startDate", startAt);
        }
        if (now >= endAt) {
            job.put("endDate", endAt);
            job.put("updatedAt", endAt);
            job.put("updatedBy", "sightline");
        }
        return job;
    }

    /** The {@code report} field: the report object once ended, else Cortex's bare status string. */
    JsonNode reportJson(long now) {
        return switch (status(now)) {
            case "Waiting" -> StringNode.valueOf("Waiting");
            case "InProgress" -> StringNode.valueOf("Running");
            case "Deleted" -> StringNode.valueOf("Deleted");
            case "Failure" -> failureReport();
            default -> successReport();
        };
    }

    private JsonNode successReport() {
        ObjectNode report = analyzer.report().deepCopy();
        String text = report.toString();
        if (text.contains("${data}")) {
            String value = data == null ? "" : data;
            report = (ObjectNode) HttpJson.MAPPER.readTree(text.replace("${data}", escapeJson(value)));
        }
        if (report.path("operations").isObject()) {
            // a responder whose operations depend on what it ran on
            JsonNode forType = report.path("operations").path(dataType);
            report.set("operations", forType.isArray() ? forType.deepCopy() : HttpJson.MAPPER.createArrayNode());
        }
        for (JsonNode artifact : report.path("artifacts")) {
            if (artifact instanceof ObjectNode object && !object.has("tlp")) {
                object.put("tlp", tlp);
            }
        }
        return report;
    }

    private JsonNode failureReport() {
        ObjectNode report = HttpJson.MAPPER.createObjectNode();
        report.put("errorMessage", failureMessage);
        ObjectNode input = report.putObject("input");
        if (data != null) {
            input.put("data", data);
        }
        input.put("dataType", dataType);
        input.put("tlp", tlp);
        input.put("pap", pap);
        input.put("message", message);
        input.set("parameters", parameters.deepCopy());
        report.put("success", false);
        return report;
    }

    private static String escapeJson(String value) {
        String quoted = HttpJson.MAPPER.writeValueAsString(value);
        return quoted.substring(1, quoted.length() - 1);
    }
}
