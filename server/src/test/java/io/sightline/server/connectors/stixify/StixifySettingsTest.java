package io.sightline.server.connectors.stixify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sightline.server.connectors.config.ConnectorConfigException;
import io.sightline.server.connectors.config.HoconPropertySourceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

class StixifySettingsTest {
    static final String KEY = "stixify-api-key-0123";
    static final String TOKEN = "opencti-token-4567";

    @Test
    void theStandaloneConnectorsSpellingsInYamlAndCamelCaseInHoconMeanTheSame() {
        StixifySettings yaml = StixifySettings.read(yaml("""
                stixify:
                  base_url: https://api.stixify.com/
                  api_key: %s
                  dossier_ids: " 7c9f0e55-1111-4a5b-9c1d-2f3e4a5b6c7d , 0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b,"
                  interval_hours: 12
                  opencti:
                    url: http://opencti:8080
                    token: %s
                    connector_id: 5e0f6a5c-3333-4b1a-9f7e-1c2d3e4f5a6b
                    queue_protocol: api
                    mq: { host: broker, port: 5671, use_ssl: true, user: connector, password: broker-password-89 }
                """.formatted(KEY, TOKEN))).orElseThrow();
        StixifySettings hocon = StixifySettings.read(hocon("""
                stixify {
                  baseUrl = "https://api.stixify.com/"
                  apiKey = "%s"
                  dossierIds = ["7c9f0e55-1111-4a5b-9c1d-2f3e4a5b6c7d", " 0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b "]
                  interval = 12 hours
                  opencti { url = "http://opencti:8080", token = "%s", connectorId = "5e0f6a5c-3333-4b1a-9f7e-1c2d3e4f5a6b", queueProtocol = API
                            mq { host = broker, port = 5671, useSsl = true, user = connector, pass = "broker-password-89" } }
                }
                """.formatted(KEY, TOKEN))).orElseThrow();

        assertThat(yaml.baseUrl()).isEqualTo(URI.create("https://api.stixify.com/"));
        assertThat(yaml.dossierIds()).containsExactly("7c9f0e55-1111-4a5b-9c1d-2f3e4a5b6c7d", "0a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(yaml.interval()).isEqualTo(Duration.ofHours(12));
        assertThat(yaml.opencti().orElseThrow().amqp()).isFalse();
        assertThat(yaml.opencti().orElseThrow().scope()).containsExactly("stixify");
        assertThat(hocon.toString()).isEqualTo(yaml.toString());
        assertThat(hocon.apiKey()).isEqualTo(yaml.apiKey());
        assertThat(yaml.opencti().orElseThrow().mq().port()).isEqualTo(5671);
        assertThat(hocon.opencti().orElseThrow().mq().password()).isEqualTo("broker-password-89");
        assertThat(yaml.toString()).doesNotContain(KEY).doesNotContain(TOKEN).doesNotContain("broker-password-89");
    }

    @Test
    void defaultsApplyAndNoBlockMeansDisabled() {
        StixifySettings s = StixifySettings.read(yaml("""
                stixify:
                  baseUrl: http://127.0.0.1:9/
                  apiKey: %s
                  dossierIds: [a]
                """.formatted(KEY))).orElseThrow();
        assertThat(s.interval()).isEqualTo(StixifySettings.DEFAULT_INTERVAL);
        assertThat(s.initialDelay()).isZero();
        assertThat(s.opencti()).isEmpty();
        assertThat(StixifySettings.read(yaml("misp:\n  interval: 1 hour\n"))).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceWithoutTheSecrets() {
        ConnectorConfigException e = catchThrowableOfType(ConnectorConfigException.class, () -> StixifySettings.read(yaml("""
                stixify:
                  base_url: ftp://stixify
                  api_key: %s
                  dossier_ids: " , "
                  interval: 12 hours
                  interval_hours: 3
                  initial_delay: 5
                  dossiers: [x]
                  opencti:
                    token: %s
                    connector_id: not-a-uuid
                    queue_protocol: kafka
                """.formatted(KEY, TOKEN))));
        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(m -> assertThat(m).startsWith("stixify.base_url").contains("http"))
                .anySatisfy(m -> assertThat(m).contains("dossierIds").contains("at least one"))
                .anySatisfy(m -> assertThat(m).startsWith("stixify.initial_delay:").contains("no unit"))
                .anySatisfy(m -> assertThat(m).contains("interval and intervalHours"))
                .anySatisfy(m -> assertThat(m).startsWith("stixify.dossiers").contains("unknown key"))
                .anySatisfy(m -> assertThat(m).startsWith("stixify.opencti.url").contains("required"))
                .anySatisfy(m -> assertThat(m).contains("connectorId").contains("not a UUID"))
                .anySatisfy(m -> assertThat(m).startsWith("stixify.opencti.queue_protocol"));
        assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(TOKEN);
    }

    @Test
    void missingRequiredKeysAreNamed() {
        ConnectorConfigException e = catchThrowableOfType(ConnectorConfigException.class,
                () -> StixifySettings.read(yaml("stixify:\n  interval: 2 hours\n")));
        assertThat(e.errors()).anySatisfy(m -> assertThat(m).isEqualTo("stixify.baseUrl: required key is missing"))
                .anySatisfy(m -> assertThat(m).isEqualTo("stixify.apiKey: required key is missing"))
                .anySatisfy(m -> assertThat(m).isEqualTo("stixify.dossierIds: required key is missing"));
    }

    private static StandardEnvironment yaml(String text) {
        return load(new YamlPropertySourceLoader(), text);
    }

    private static StandardEnvironment hocon(String text) {
        return load(new HoconPropertySourceLoader(), text);
    }

    private static StandardEnvironment load(PropertySourceLoader loader, String text) {
        StandardEnvironment env = new StandardEnvironment();
        try {
            List<PropertySource<?>> sources = loader.load("test", new ByteArrayResource(text.getBytes()));
            sources.forEach(s -> env.getPropertySources().addLast(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }
}
