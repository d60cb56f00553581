package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorConfigTest {
    static final String CONNECTOR_ID = "5f7e7c3a-3f9b-4a3e-9d0e-2b6f0e0a1c11";

    @TempDir
    Path dir;

    static Map<String, String> validEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("STIXIFY_BASE_URL", "https://api.stixify.com/");
        env.put("STIXIFY_API_KEY", "secret-key");
        env.put("STIXIFY_DOSSIER_IDS", "a1, b2 ,c3,");
        env.put("STIXIFY_INTERVAL_HOURS", "12");
        env.put("OPENCTI_URL", "http://opencti:8080");
        env.put("OPENCTI_TOKEN", "opencti-token");
        env.put("CONNECTOR_ID", CONNECTOR_ID);
        env.put("CONNECTOR_NAME", "Stixify");
        env.put("CONNECTOR_SCOPE", "stixify");
        return env;
    }

    @Test
    void pyctiSettingsOnceRefusedAreAcceptedWithPyctiDefaults() {
        ConnectorConfig defaults = ConnectorConfig.load(ConfigSource.load(validEnv(), dir));
        assertThat(defaults.jsonLogging()).isTrue();
        assertThat(defaults.validateBeforeImport()).isFalse();
        assertThat(defaults.serviceAccount()).isEqualTo(new ConnectorConfig.ServiceAccountSettings(false, 50));
        assertThat(defaults.metrics()).isEqualTo(new ConnectorConfig.MetricsSettings(false, 9095, "", ""));
        assertThat(defaults.directory()).isEqualTo(new ConnectorConfig.DirectorySettings(null, 7));

        Map<String, String> env = validEnv();
        env.put("OPENCTI_JSON_LOGGING", "true");
        env.put("CONNECTOR_VALIDATE_BEFORE_IMPORT", "true");
        env.put("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT", "true");
        env.put("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT_CONFIDENCE_LEVEL", "75");
        ConnectorConfig set = ConnectorConfig.load(ConfigSource.load(env, dir));
        assertThat(set.jsonLogging()).isTrue();
        assertThat(set.validateBeforeImport()).isTrue();
        assertThat(set.serviceAccount()).isEqualTo(new ConnectorConfig.ServiceAccountSettings(true, 75));

        env.put("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT_CONFIDENCE_LEVEL", "101");
        env.put("CONNECTOR_METRICS_NAMESPACE", "open-cti");
        assertThatThrownBy(() -> ConnectorConfig.load(ConfigSource.load(env, dir)))
                .hasMessageContaining("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT_CONFIDENCE_LEVEL (connector.auto_create_service_account_confidence_level) must be between 0 and 100")
                .hasMessageContaining("CONNECTOR_METRICS_NAMESPACE (connector.metrics_namespace) must be a Prometheus name");
    }

    @Test
    void environmentSettingsAreReadWithTheOriginalDefaults() {
        ConnectorConfig c = ConnectorConfig.load(ConfigSource.load(validEnv(), dir));
        assertThat(c.stixifyBaseUrl()).isEqualTo("https://api.stixify.com/");
        assertThat(c.dossierIds()).containsExactly("a1", "b2", "c3");
        assertThat(c.intervalHours()).isEqualTo(12);
        assertThat(c.queueProtocol()).isEqualTo("amqp");
        assertThat(c.queueThresholdMb()).isEqualTo(500.0);
        assertThat(c.runAndTerminate()).isFalse();
        assertThat(c.connectorType()).isEqualTo("EXTERNAL_IMPORT");
        assertThat(c.connectorScope()).containsExactly("stixify");
        assertThat(c.logLevel()).isEqualTo("error");
        assertThat(c.toString()).doesNotContain("secret-key").doesNotContain("opencti-token");
    }

    @Test
    void configYmlIsUsedWhenTheEnvironmentIsSilentAndTheEnvironmentWins() throws Exception {
        Files.writeString(dir.resolve("config.yml"), """
                opencti:
                  url: 'http://from-yaml:8080'
                  token: 'yaml-token'
                connector:
                  id: '%s'
                  name: 'Stixify'
                  scope: 'stixify'
                  run_and_terminate: true
                  queue_protocol: 'api'
                stixify:
                  base_url: '//https://api.stixify.com//'
                  api_key: 'yaml-key'
                  dossier_ids: 'x1,x2'
                  interval_hours: 1
                """.formatted(CONNECTOR_ID).replace("'//https", "'https"));
        Map<String, String> env = new HashMap<>();
        env.put("STIXIFY_DOSSIER_IDS", "from-env");
        env.put("CONNECTOR_RUN_AND_TERMINATE", "");
        ConnectorConfig c = ConnectorConfig.load(ConfigSource.load(env, dir));
        assertThat(c.openctiUrl()).isEqualTo("http://from-yaml:8080");
        assertThat(c.stixifyBaseUrl()).isEqualTo("https://api.stixify.com/");
        assertThat(c.dossierIds()).containsExactly("from-env");
        assertThat(c.intervalHours()).isEqualTo(1);
        assertThat(c.queueProtocol()).isEqualTo("api");
        // As in pycti, a variable set to "" hides config.yml and means the default.
        assertThat(c.runAndTerminate()).isFalse();
    }

    @Test
    void booleansAcceptOnlyThePyctiSpellings() {
        Map<String, String> env = validEnv();
        env.put("CONNECTOR_RUN_AND_TERMINATE", "yes");
        assertThat(ConnectorConfig.load(ConfigSource.load(env, dir)).runAndTerminate()).isTrue();
        env.put("CONNECTOR_RUN_AND_TERMINATE", "False");
        assertThat(ConnectorConfig.load(ConfigSource.load(env, dir)).runAndTerminate()).isFalse();
        env.put("CONNECTOR_RUN_AND_TERMINATE", "maybe");
        assertThatThrownBy(() -> ConnectorConfig.load(ConfigSource.load(env, dir)))
                .hasMessageContaining("CONNECTOR_RUN_AND_TERMINATE (connector.run_and_terminate) must be true/false/yes/no, was 'maybe'");
    }

    @Test
    void everyProblemIsNamedInOneMessage() {
        Map<String, String> env = new HashMap<>();
        env.put("STIXIFY_BASE_URL", "ftp://nowhere");
        env.put("STIXIFY_INTERVAL_HOURS", "1.5");
        env.put("STIXIFY_DOSSIER_IDS", " , ");
        env.put("OPENCTI_TOKEN", "ChangeMe");
        env.put("CONNECTOR_ID", "not-a-uuid");
        env.put("CONNECTOR_QUEUE_PROTOCOL", "kafka");
        env.put("MQ_PORT", "amqp");
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ConnectorConfig.load(ConfigSource.load(env, dir)));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "STIXIFY_BASE_URL (stixify.base_url) must be an http(s) URL, was 'ftp://nowhere'",
                "STIXIFY_API_KEY (stixify.api_key) is required: the Stixify API key",
                "STIXIFY_DOSSIER_IDS (stixify.dossier_ids) holds no dossier id: ' , '",
                "STIXIFY_INTERVAL_HOURS (stixify.interval_hours) must be a whole number, was '1.5'",
                "OPENCTI_URL (opencti.url) is required: an http(s) URL",
                "OPENCTI_TOKEN (opencti.token) is still 'ChangeMe'",
                "CONNECTOR_ID (connector.id) must be a UUID, was 'not-a-uuid'",
                "CONNECTOR_NAME (connector.name) is required: the name shown in OpenCTI, e.g. Stixify",
                "CONNECTOR_QUEUE_PROTOCOL (connector.queue_protocol) must be one of amqp, api, was 'kafka'",
                "MQ_PORT (mq.port) must be a whole number, was 'amqp'");
        assertThat(e.getMessage()).startsWith("Invalid configuration (10 problems):");
    }

    @Test
    void brokenYamlIsOneOfTheProblems() throws Exception {
        Files.writeString(dir.resolve("config.yml"), "stixify: [unclosed\n");
        assertThatThrownBy(() -> ConnectorConfig.load(ConfigSource.load(Map.of(), dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.yml is not valid YAML")
                .hasMessageContaining("STIXIFY_API_KEY");
    }

    @Test
    void legacyQueueProtocolVariableIsStillRead() {
        Map<String, String> env = validEnv();
        env.put("QUEUE_PROTOCOL", "api");
        assertThat(ConnectorConfig.load(ConfigSource.load(env, dir)).queueProtocol()).isEqualTo("api");
        env.put("CONNECTOR_QUEUE_PROTOCOL", "amqp");
        assertThat(ConnectorConfig.load(ConfigSource.load(env, dir)).queueProtocol()).isEqualTo("amqp");
    }

    @Test
    void mqOverridesAndCustomHeadersAreParsed() {
        Map<String, String> env = validEnv();
        env.put("MQ_HOST", "rabbit.internal");
        env.put("MQ_PORT", "5671");
        env.put("MQ_USE_SSL", "true");
        env.put("OPENCTI_CUSTOM_HEADERS", "X-A:1; X-B: two");
        ConnectorConfig c = ConnectorConfig.load(ConfigSource.load(env, dir));
        assertThat(c.mq().host()).isEqualTo("rabbit.internal");
        assertThat(c.mq().port()).isEqualTo(5671);
        assertThat(c.mq().useSsl()).isTrue();
        assertThat(c.mq().user()).isNull();
        assertThat(c.customHeaders()).containsEntry("X-A", "1").containsEntry("X-B", "two");
    }
}
