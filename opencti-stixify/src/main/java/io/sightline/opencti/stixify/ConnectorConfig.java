package io.sightline.opencti.stixify;

import io.sightline.integrations.opencti.MqSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every setting of the connector, with the variable names of the original Python connector and
 * pycti. Built by {@link #load}, which reports all problems at once. Secrets stay out of
 * {@link #toString()}.
 */
public record ConnectorConfig(
        String stixifyBaseUrl,
        String stixifyApiKey,
        List<String> dossierIds,
        int intervalHours,
        String openctiUrl,
        String openctiToken,
        boolean sslVerify,
        Path sslCaBundle,
        boolean jsonLogging,
        Map<String, String> customHeaders,
        String connectorId,
        String connectorName,
        String connectorType,
        List<String> connectorScope,
        String logLevel,
        String queueProtocol,
        double queueThresholdMb,
        boolean runAndTerminate,
        boolean sendToQueue,
        long maxMessageBytes,
        MqSettings.MqOverrides mq,
        MqTls mqTls,
        ServiceAccountSettings serviceAccount,
        MetricsSettings metrics,
        DirectorySettings directory,
        boolean validateBeforeImport) {

    /** {@code CONNECTOR_SEND_TO_DIRECTORY}: the folder (null when off) and the retention in days (pycti's default 7). */
    public record DirectorySettings(Path folder, int retentionDays) {}

    /** {@code CONNECTOR_EXPOSE_METRICS} and where: pycti's defaults are port 9095, no namespace, no subsystem. */
    public record MetricsSettings(boolean enabled, int port, String namespace, String subsystem) {}

    /** {@code CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT} and its confidence level (pycti's default 50). */
    public record ServiceAccountSettings(boolean enabled, int maxConfidence) {}

    public static final long DEFAULT_MAX_MESSAGE_BYTES = 16_000_000L;

    public Duration interval() {
        return Duration.ofHours(intervalHours);
    }

    public boolean amqp() {
        return "amqp".equals(queueProtocol);
    }

    /** Reads and checks every setting; throws {@link ConfigException} listing all problems. */
    public static ConnectorConfig load(ConfigSource c) {
        String baseUrl = url(c, "STIXIFY_BASE_URL", "stixify.base_url", true);
        String apiKey = c.required("STIXIFY_API_KEY", "stixify.api_key", "the Stixify API key");
        String rawIds = c.required("STIXIFY_DOSSIER_IDS", "stixify.dossier_ids", "at least one dossier id (comma separated)");
        List<String> ids = rawIds == null ? List.of()
                : Arrays.stream(rawIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (rawIds != null && ids.isEmpty()) c.problem("STIXIFY_DOSSIER_IDS (stixify.dossier_ids) holds no dossier id: '" + rawIds + "'");
        Integer interval = c.integer("STIXIFY_INTERVAL_HOURS", "stixify.interval_hours", null, 1);
        if (interval == null && c.raw("STIXIFY_INTERVAL_HOURS", "stixify.interval_hours") == null) {
            c.problem("STIXIFY_INTERVAL_HOURS (stixify.interval_hours) is required: hours between two runs (1 or more)");
        }

        String openctiUrl = url(c, "OPENCTI_URL", "opencti.url", false);
        String token = c.required("OPENCTI_TOKEN", "opencti.token", "the OpenCTI API token of the connector's user");
        if ("ChangeMe".equals(token)) c.problem("OPENCTI_TOKEN (opencti.token) is still 'ChangeMe'");
        // As requests' verify=: true/false, or the path of a CA bundle (verification on, against that bundle).
        String rawVerify = c.raw("OPENCTI_SSL_VERIFY", "opencti.ssl_verify");
        Path caBundle = null;
        boolean sslVerify;
        if (rawVerify == null || ConfigSource.isBoolean(rawVerify)) {
            sslVerify = c.bool("OPENCTI_SSL_VERIFY", "opencti.ssl_verify", false);
        } else {
            sslVerify = true;
            caBundle = Path.of(rawVerify.strip());
            if (!Files.isRegularFile(caBundle) || !Files.isReadable(caBundle)) {
                c.problem("OPENCTI_SSL_VERIFY (opencti.ssl_verify) is neither true/false nor a readable CA bundle file: '"
                        + rawVerify + "'");
            }
        }
        boolean jsonLogging = c.bool("OPENCTI_JSON_LOGGING", "opencti.json_logging", true);
        UnsupportedSettings.check(c);
        Map<String, String> headers = headers(c, c.string("OPENCTI_CUSTOM_HEADERS", "opencti.custom_headers", null));

        String id = c.required("CONNECTOR_ID", "connector.id", "a UUID identifying this connector in OpenCTI");
        if (id != null && !isUuid(id)) c.problem("CONNECTOR_ID (connector.id) must be a UUID, was '" + id + "'");
        String name = c.required("CONNECTOR_NAME", "connector.name", "the name shown in OpenCTI, e.g. Stixify");
        if (name != null && name.strip().length() < 2) c.problem("CONNECTOR_NAME (connector.name) must have at least 2 characters");
        String type = c.string("CONNECTOR_TYPE", "connector.type", "EXTERNAL_IMPORT");
        if (!"EXTERNAL_IMPORT".equals(type)) c.problem("CONNECTOR_TYPE (connector.type) must be EXTERNAL_IMPORT for this connector, was '" + type + "'");
        List<String> scope = Arrays.stream(c.string("CONNECTOR_SCOPE", "connector.scope", "not-applicable").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        String logLevel = c.choice("CONNECTOR_LOG_LEVEL", "connector.log_level", "error",
                List.of("debug", "info", "warn", "warning", "error"));
        String legacyProtocol = c.string("QUEUE_PROTOCOL", null, null);
        String protocol = c.raw("CONNECTOR_QUEUE_PROTOCOL", "connector.queue_protocol") == null && legacyProtocol != null
                ? c.choice("QUEUE_PROTOCOL", null, "amqp", List.of("amqp", "api"))
                : c.choice("CONNECTOR_QUEUE_PROTOCOL", "connector.queue_protocol", "amqp", List.of("amqp", "api"));
        double threshold = c.decimal("CONNECTOR_QUEUE_THRESHOLD", "connector.queue_threshold", 500.0);
        boolean runAndTerminate = c.bool("CONNECTOR_RUN_AND_TERMINATE", "connector.run_and_terminate", false);
        String period = c.string("CONNECTOR_DURATION_PERIOD", "connector.duration_period", null);
        if (period != null && (period.equals("0") || period.matches("P(T)?0+[DHMS]?|PT0S"))) runAndTerminate = true;
        boolean sendToQueue = c.bool("CONNECTOR_SEND_TO_QUEUE", "connector.send_to_queue", true);
        if (!sendToQueue) {
            c.problem("CONNECTOR_SEND_TO_QUEUE (connector.send_to_queue) = false is not supported: the dossiers' cursors "
                    + "would advance without anything being delivered");
        }
        Integer maxBytes = c.integer("CONNECTOR_QUEUE_MESSAGE_MAX_BYTES", "connector.queue_message_max_bytes",
                (int) DEFAULT_MAX_MESSAGE_BYTES, 65_536);

        MqSettings.MqOverrides mq = new MqSettings.MqOverrides(
                c.string("MQ_HOST", "mq.host", null),
                c.integer("MQ_PORT", "mq.port", null, 1),
                c.string("MQ_VHOST", "mq.vhost", null),
                c.raw("MQ_USE_SSL", "mq.use_ssl") == null ? null : c.bool("MQ_USE_SSL", "mq.use_ssl", false),
                c.string("MQ_USER", "mq.user", null),
                c.string("MQ_PASS", "mq.pass", null));

        MqTls mqTls = MqTls.load(c);
        boolean autoAccount = c.bool("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT", "connector.auto_create_service_account", false);
        Integer confidence = c.integer("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT_CONFIDENCE_LEVEL",
                "connector.auto_create_service_account_confidence_level", 50, 0);
        if (confidence != null && confidence > 100) {
            c.problem("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT_CONFIDENCE_LEVEL (connector.auto_create_service_account_confidence_level)"
                    + " must be between 0 and 100, was " + confidence);
        }

        boolean exposeMetrics = c.bool("CONNECTOR_EXPOSE_METRICS", "connector.expose_metrics", false);
        Integer metricsPort = c.integer("CONNECTOR_METRICS_PORT", "connector.metrics_port", 9095, 0);
        if (metricsPort != null && metricsPort > 65_535) {
            c.problem("CONNECTOR_METRICS_PORT (connector.metrics_port) must be a TCP port (0 to 65535), was " + metricsPort);
        }
        MetricsSettings metrics = new MetricsSettings(exposeMetrics, metricsPort == null ? 9095 : metricsPort,
                metricName(c, "CONNECTOR_METRICS_NAMESPACE", "connector.metrics_namespace"),
                metricName(c, "CONNECTOR_METRICS_SUBSYSTEM", "connector.metrics_subsystem"));

        boolean toDirectory = c.bool("CONNECTOR_SEND_TO_DIRECTORY", "connector.send_to_directory", false);
        String directoryPath = c.string("CONNECTOR_SEND_TO_DIRECTORY_PATH", "connector.send_to_directory_path", null);
        Integer retention = c.integer("CONNECTOR_SEND_TO_DIRECTORY_RETENTION", "connector.send_to_directory_retention", 7, 0);
        Path folder = null;
        if (toDirectory) {
            if (directoryPath == null) {
                c.problem("CONNECTOR_SEND_TO_DIRECTORY_PATH (connector.send_to_directory_path) is required with "
                        + "CONNECTOR_SEND_TO_DIRECTORY=true: the folder the bundles are written to");
            } else {
                folder = Path.of(directoryPath.strip());
                if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
                    c.problem("CONNECTOR_SEND_TO_DIRECTORY_PATH (connector.send_to_directory_path) is not a writable folder: '"
                            + directoryPath + "'");
                }
            }
        }
        boolean validateBeforeImport = c.bool("CONNECTOR_VALIDATE_BEFORE_IMPORT", "connector.validate_before_import", false);

        if (!c.problems().isEmpty()) throw new ConfigException(c.problems());
        return new ConnectorConfig(baseUrl, apiKey, ids, interval, openctiUrl, token, sslVerify, caBundle, jsonLogging, headers,
                id, name.strip(), type, scope, logLevel, protocol, threshold, runAndTerminate, sendToQueue, maxBytes, mq, mqTls,
                new ServiceAccountSettings(autoAccount, confidence == null ? 50 : confidence), metrics,
                new DirectorySettings(folder, retention == null ? 7 : retention), validateBeforeImport);
    }

    /** A Prometheus name part (prometheus_client refuses anything else), or "" when unset. */
    private static String metricName(ConfigSource c, String env, String path) {
        String value = c.string(env, path, "");
        if (!value.isEmpty() && !value.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            c.problem(env + " (" + path + ") must be a Prometheus name ([a-zA-Z_:][a-zA-Z0-9_:]*), was '" + value + "'");
        }
        return value;
    }

    /** The original strips slashes at both ends and appends one; the URL must be http(s). */
    private static String url(ConfigSource c, String env, String path, boolean trailingSlash) {
        String value = c.required(env, path, "an http(s) URL");
        if (value == null) return null;
        String stripped = value.strip().replaceAll("^/+|/+$", "");
        try {
            URI uri = new URI(stripped);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            c.problem(env + " (" + path + ") must be an http(s) URL, was '" + value + "'");
            return null;
        }
        return trailingSlash ? stripped + "/" : stripped;
    }

    private static Map<String, String> headers(ConfigSource c, String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split(";")) {
            if (pair.isBlank()) continue;
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                c.problem("OPENCTI_CUSTOM_HEADERS (opencti.custom_headers) must look like 'h1:v1;h2:v2', bad part '" + pair + "'");
                continue;
            }
            out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return out;
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ConnectorConfig[stixify=" + stixifyBaseUrl + ", dossiers=" + dossierIds + ", every " + intervalHours
                + "h, opencti=" + openctiUrl + ", connector=" + connectorName + " (" + connectorId + "), protocol="
                + queueProtocol + ", runAndTerminate=" + runAndTerminate + ", mq=" + mq + "]";
    }
}
