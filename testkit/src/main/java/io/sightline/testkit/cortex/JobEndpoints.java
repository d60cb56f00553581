package io.sightline.testkit.cortex;

import io.sightline.integrations.http.HttpJson;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Job submission and the job endpoints, with Cortex's answers for each job state. */
final class JobEndpoints {

    private static final Pattern SCALA_DURATION = Pattern.compile("(\\d+)\\s*([a-zA-Z]+)");
    private static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private final AnalyzerCatalog catalog;
    private final JobStore jobs;
    private final CortexFaults faults;
    private final Clock clock;
    /** Uploaded files by sha256, served back by /api/datastore/{id} as Cortex does. */
    private final Map<String, byte[]> datastore = new ConcurrentHashMap<>();

    JobEndpoints(AnalyzerCatalog catalog, JobStore jobs, CortexFaults faults, Clock clock) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.faults = faults;
        this.clock = clock;
    }

    void run(EmulatorRequest request) throws IOException {
        Optional<EmulatedAnalyzer> found = catalog.byId(request.param(0));
        if (found.isEmpty()) {
            request.error(404, "AnalyzerNotFoundError", "analyzer " + request.param(0) + " not found");
            return;
        }
        EmulatedAnalyzer analyzer = found.get();
        EmulatedJob.JobInput input = request.contentType().startsWith("multipart/form-data")
                ? fileInput(request) : valueInput(request);
        if (input == null) {
            return;
        }
        if (!analyzer.accepts(input.dataType())) {
            request.error(400, "BadRequest", "Worker " + analyzer.name() + " can't handle data type "
                    + input.dataType());
            return;
        }
        String failure = faults.jobFailureFor(analyzer.name()).orElse(null);
        long now = clock.millis();
        JobStore.Submission submission = jobs.submit(analyzer, input, failure, now);
        request.json(200, submission.job().toJson(now, submission.fromCache()));
    }

    /**
     * {@code POST /api/responder/{id}/run} with {@code {data: {...the object...}, dataType: "thehive:case", tlp, pap,
     * message, parameters}}: a responder job, never answered from the cache.
     */
    void runResponder(EmulatorRequest request) throws IOException {
        Optional<EmulatedAnalyzer> found = catalog.responderById(request.param(0));
        if (found.isEmpty()) {
            request.error(404, "NotFoundError", "responder " + request.param(0) + " not found");
            return;
        }
        JsonNode body = request.jsonBody();
        if (body == null) {
            return;
        }
        if (!body.path("data").isObject()) {
            request.error(400, "AttributeCheckingError", "data must be the object the responder acts on");
            return;
        }
        EmulatedAnalyzer responder = found.get();
        String dataType = body.path("dataType").asString("");
        if (!responder.accepts(dataType)) {
            request.error(400, "BadRequest", "Worker " + responder.name() + " can't handle data type " + dataType);
            return;
        }
        JsonNode parameters = body.path("parameters").isObject() ? body.path("parameters")
                : HttpJson.MAPPER.createObjectNode();
        EmulatedJob.JobInput input = new EmulatedJob.JobInput(dataType, body.path("data").toString(), null,
                body.path("tlp").asInt(2), body.path("pap").asInt(2), body.path("message").asString(""), parameters,
                body.path("label").asString(null), true);
        String failure = faults.jobFailureFor(responder.name()).orElse(null);
        long now = clock.millis();
        request.json(200, jobs.submit(responder, input, failure, now).job().toJson(now, false));
    }

    private EmulatedJob.JobInput valueInput(EmulatorRequest request) throws IOException {
        JsonNode body = request.jsonBody();
        if (body == null) {
            return null;
        }
        // Cortex 1 clients send {data, attributes:{dataType, tlp, ...}}; still accepted by Cortex
        JsonNode fields = body.has("attributes") ? body.path("attributes") : body;
        String data = body.path("data").asString(null);
        if (data == null || data.isEmpty()) {
            request.error(400, "AttributeCheckingError", "data is missing");
            return null;
        }
        return input(fields, data, null, request);
    }

    private EmulatedJob.JobInput fileInput(EmulatorRequest request) throws IOException {
        Map<String, MultipartForm.Part> parts;
        JsonNode meta;
        try {
            parts = MultipartForm.parse(request.contentType(), request.body);
            MultipartForm.Part json = parts.get("_json");
            meta = json == null ? HttpJson.MAPPER.createObjectNode() : HttpJson.MAPPER.readTree(json.text());
        } catch (IllegalArgumentException | JacksonException e) {
            request.error(400, "BadRequest", "invalid multipart body: " + e.getMessage());
            return null;
        }
        MultipartForm.Part file = parts.values().stream().filter(part -> part.filename() != null).findFirst()
                .orElse(null);
        if (file == null) {
            request.error(400, "AttributeCheckingError", "file job without a file part");
            return null;
        }
        ObjectNode attachment = HttpJson.MAPPER.createObjectNode();
        String sha256 = digest("SHA-256", file.content());
        attachment.put("name", file.filename());
        attachment.putArray("hashes").add(sha256).add(digest("SHA-1", file.content())).add(digest("MD5", file.content()));
        attachment.put("size", file.content().length);
        attachment.put("contentType", file.contentType());
        attachment.put("id", sha256);
        datastore.put(sha256, file.content());
        return input(meta, null, attachment, request);
    }

    private EmulatedJob.JobInput input(JsonNode fields, String data, ObjectNode attachment, EmulatorRequest request)
            throws IOException {
        String dataType = fields.path("dataType").asString(attachment != null ? "file" : null);
        if (dataType == null || dataType.isEmpty()) {
            request.error(400, "AttributeCheckingError", "dataType is missing");
            return null;
        }
        JsonNode parameters = fields.path("parameters").isObject() ? fields.path("parameters")
                : HttpJson.MAPPER.createObjectNode();
        return new EmulatedJob.JobInput(dataType, data, attachment, fields.path("tlp").asInt(2),
                fields.path("pap").asInt(2), fields.path("message").asString(""), parameters,
                fields.path("label").asString(null), fields.path("force").asBoolean(false));
    }

    void get(EmulatorRequest request) throws IOException {
        Optional<EmulatedJob> job = find(request);
        if (job.isPresent()) {
            request.json(200, job.get().toJson(clock.millis(), false));
        }
    }

    void delete(EmulatorRequest request) throws IOException {
        Optional<EmulatedJob> job = find(request);
        if (job.isPresent()) {
            job.get().delete(clock.millis());
            request.send(204, new byte[0], "application/json");
        }
    }

    void report(EmulatorRequest request) throws IOException {
        Optional<EmulatedJob> job = find(request);
        if (job.isPresent()) {
            answerReport(request, job.get());
        }
    }

    /** Blocks until the job ends or {@code atMost} (a Scala duration such as "1 second") passes. */
    void waitReport(EmulatorRequest request) throws IOException {
        Optional<EmulatedJob> found = find(request);
        if (found.isEmpty()) {
            return;
        }
        Duration atMost = parseScalaDuration(request.query.get("atMost"));
        if (atMost == null) {
            request.error(400, "BadRequest", "invalid duration '" + request.query.get("atMost") + "'");
            return;
        }
        EmulatedJob job = found.get();
        long deadline = clock.millis() + atMost.toMillis();
        try {
            while (!job.isFinished(clock.millis()) && clock.millis() < deadline) {
                long pause = Math.min(JobStore.untilFinished(job, clock.millis()).toMillis(), deadline - clock.millis());
                Thread.sleep(Math.max(1, Math.min(pause, 20)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answerReport(request, job);
    }

    void batchStatus(EmulatorRequest request) throws IOException {
        JsonNode body = request.jsonBody();
        if (body == null) {
            return;
        }
        if (!body.path("jobIds").isArray()) {
            request.error(400, "AttributeCheckingError", "jobIds is missing");
            return;
        }
        long now = clock.millis();
        ObjectNode statuses = HttpJson.MAPPER.createObjectNode();
        for (JsonNode id : body.path("jobIds")) {
            String jobId = id.asString();
            statuses.put(jobId, jobs.get(jobId).map(job -> job.status(now)).orElse("NotFound"));
        }
        request.json(200, statuses);
    }

    void artifacts(EmulatorRequest request) throws IOException {
        Optional<EmulatedJob> job = find(request);
        if (job.isEmpty()) {
            return;
        }
        JsonNode report = job.get().reportJson(clock.millis());
        List<JsonNode> artifacts = new ArrayList<>();
        report.path("artifacts").forEach(artifacts::add);
        request.jsonList(artifacts, artifacts.size());
    }

    void datastore(EmulatorRequest request) throws IOException {
        byte[] content = datastore.get(request.param(0));
        if (content == null) {
            request.error(404, "NotFoundError", "attachment " + request.param(0) + " not found");
            return;
        }
        request.send(200, content, "application/octet-stream");
    }

    private void answerReport(EmulatorRequest request, EmulatedJob job) throws IOException {
        long now = clock.millis();
        ObjectNode answer = job.toJson(now, false);
        answer.set("report", job.reportJson(now));
        request.json(200, answer);
    }

    private Optional<EmulatedJob> find(EmulatorRequest request) throws IOException {
        Optional<EmulatedJob> job = jobs.get(request.param(0));
        if (job.isEmpty()) {
            request.error(404, "NotFoundError", "job " + request.param(0) + " not found");
        }
        return job;
    }

    static Duration parseScalaDuration(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_WAIT;
        }
        Matcher matcher = SCALA_DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(amount);
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(amount);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(amount);
            case "h", "hour", "hours" -> Duration.ofHours(amount);
            default -> null;
        };
    }

    private static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
