package io.sightline.testkit.cortex;

import io.sightline.integrations.http.HttpJson;
import io.sightline.testkit.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The analyzers and responders the emulator serves, built from {@code emulated-analyzers.json}:
 * analyzer definitions and reports come from the project's own samples ({@link Samples},
 * {@code cortex/}); responders and their reports (with the operations they ask TheHive to apply,
 * per data type when they differ) are written out in the file itself.
 */
final class AnalyzerCatalog {

    private static final String RESOURCE = "emulated-analyzers.json";

    private final List<EmulatedAnalyzer> analyzers;
    private final List<EmulatedAnalyzer> responders;

    private AnalyzerCatalog(List<EmulatedAnalyzer> analyzers, List<EmulatedAnalyzer> responders) {
        this.analyzers = List.copyOf(analyzers);
        this.responders = List.copyOf(responders);
    }

    static AnalyzerCatalog load(String organization, long createdAt) {
        Path samples = Samples.root();
        JsonNode catalog = readResource(RESOURCE);
        List<EmulatedAnalyzer> analyzers = new ArrayList<>();
        for (JsonNode entry : catalog.path("analyzers")) {
            JsonNode definition = entry.has("definitionSample")
                    ? readSample(samples, entry.path("definitionSample").asString())
                    : entry.path("definition");
            analyzers.add(worker("analyzer", definition, report(samples, entry.path("report")), organization, createdAt));
        }
        List<EmulatedAnalyzer> responders = new ArrayList<>();
        for (JsonNode entry : catalog.path("responders")) {
            responders.add(worker("responder", entry.path("definition"), report(samples, entry.path("report")),
                    organization, createdAt));
        }
        if (analyzers.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " defines no analyzer");
        }
        return new AnalyzerCatalog(analyzers, responders);
    }

    List<EmulatedAnalyzer> all() {
        return analyzers;
    }

    Optional<EmulatedAnalyzer> byId(String id) {
        return analyzers.stream().filter(analyzer -> analyzer.id().equals(id)).findFirst();
    }

    Optional<EmulatedAnalyzer> byName(String name) {
        return analyzers.stream().filter(analyzer -> analyzer.name().equals(name)).findFirst();
    }

    List<EmulatedAnalyzer> responders() {
        return responders;
    }

    Optional<EmulatedAnalyzer> responderById(String id) {
        return responders.stream().filter(responder -> responder.id().equals(id)).findFirst();
    }

    /** A worker as Cortex lists it; {@code type} is {@code analyzer} or {@code responder}. */
    private static EmulatedAnalyzer worker(String type, JsonNode definition, ObjectNode report, String organization,
            long createdAt) {
        String baseName = required(definition, "name");
        String version = required(definition, "version");
        String name = baseName + "_" + version.replace('.', '_');
        String id = md5(organization + "_" + name + "_" + type);
        List<String> dataTypes = new ArrayList<>();
        definition.path("dataTypeList").forEach(entry -> dataTypes.add(entry.asString()));
        ObjectNode worker = HttpJson.MAPPER.createObjectNode();
        worker.put("id", id);
        worker.put("_id", id);
        worker.put("_type", "worker");
        worker.put("_routing", id);
        worker.putNull("_parent");
        worker.put("_version", 1);
        worker.put("name", name);
        worker.put("version", version);
        worker.put("description", definition.path("description").asString(""));
        worker.put("author", definition.path("author").asString(""));
        worker.put("url", definition.path("url").asString(""));
        worker.put("license", definition.path("license").asString(""));
        ArrayNode types = worker.putArray("dataTypeList");
        dataTypes.forEach(types::add);
        worker.put("baseConfig", definition.path("baseConfig").asString(baseName));
        worker.put("workerDefinitionId", name);
        worker.put(type + "DefinitionId", name);
        worker.put("type", type);
        if (type.equals("analyzer")) {
            worker.put("jobCache", 10);
        }
        worker.put("createdAt", createdAt);
        worker.put("createdBy", "admin");
        return new EmulatedAnalyzer(id, name, List.copyOf(dataTypes), worker, report);
    }

    /** The report of the analyzer in Cortex's stored shape. */
    private static ObjectNode report(Path samples, JsonNode spec) {
        String kind = spec.path("kind").asString("");
        ObjectNode report = switch (kind) {
            case "output" -> (ObjectNode) readSample(samples, spec.path("sample").asString());
            case "job" -> (ObjectNode) readSample(samples, spec.path("sample").asString())
                    .path(spec.path("index").asInt()).path("report");
            case "full" -> fullOnly(readSample(samples, spec.path("sample").asString()),
                    spec.path("summary").asString(""));
            case "resource" -> (ObjectNode) readResource(spec.path("path").asString());
            case "inline" -> (ObjectNode) spec.path("report").deepCopy();
            default -> throw new IllegalStateException(RESOURCE + ": unknown report kind '" + kind + "'");
        };
        report.remove("_comment");
        normaliseArtifacts(report);
        return report;
    }

    private static ObjectNode fullOnly(JsonNode full, String summaryRule) {
        if (!summaryRule.equals("crowdsec")) {
            throw new IllegalStateException(RESOURCE + ": unknown summary rule '" + summaryRule + "'");
        }
        ObjectNode report = HttpJson.MAPPER.createObjectNode();
        report.put("success", true);
        report.set("summary", CrowdsecSummary.of(full));
        report.set("full", full);
        report.putArray("artifacts");
        report.putArray("operations");
        return report;
    }

    /**
     * Analyzer output files write artifacts as {@code {type, value}}; Cortex stores and serves
     * them as {@code {dataType, data, message, tags, tlp}}.
     */
    private static void normaliseArtifacts(ObjectNode report) {
        JsonNode artifacts = report.path("artifacts");
        if (!artifacts.isArray()) {
            return;
        }
        ArrayNode normalised = HttpJson.MAPPER.createArrayNode();
        for (JsonNode artifact : artifacts) {
            if (artifact.has("type") && !artifact.has("dataType")) {
                ObjectNode converted = normalised.addObject();
                converted.put("dataType", artifact.path("type").asString());
                converted.put("data", artifact.path("value").asString());
                converted.putNull("message");
                converted.putArray("tags");
            } else {
                normalised.add(artifact.deepCopy());
            }
        }
        report.set("artifacts", normalised);
    }

    private static String required(JsonNode definition, String field) {
        String value = definition.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": an analyzer definition has no '" + field + "': " + definition);
        }
        return value;
    }

    static JsonNode readSample(Path samples, String relative) {
        Path file = samples.resolve(relative);
        try {
            return HttpJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + file, e);
        }
    }

    private static JsonNode readResource(String name) {
        try (InputStream in = AnalyzerCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the classpath");
            }
            return HttpJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
