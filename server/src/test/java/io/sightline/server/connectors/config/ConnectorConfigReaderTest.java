package io.sightline.server.connectors.config;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConnectorConfigReaderTest {

    @Test
    void reportsEveryErrorOfABlockAtOnce() {
        var env = SampleSpecs.yaml("""
                misp:
                  interval: 1 hour
                  checkStatusInterval: 5
                  servers:
                    - name: first
                      auth: { type: key }
                      max-agee: 7 days
                    - name: second
                      url: ftp://misp.example
                      purpose: ImportEverything
                      maxAttributes: many
                      wsConfig.ssl.loose.acceptAnyCertficate: true
                      auth:
                        type: key
                        key: secret-key-123
                        exclusion: { tags: [x] }
                """);
        var error = catchThrowableOfType(ConnectorConfigException.class,
                () -> ConnectorConfigReader.read(env, "misp", SampleSpecs.misp()));
        assertThat(error.errors()).containsExactlyInAnyOrder(
                "misp.checkStatusInterval: '5' has no unit; write e.g. '5 seconds', '5s' or 'PT5S'",
                "misp.servers[0].max-agee: unknown key; did you mean maxAge?",
                "misp.servers[0].url: required key is missing",
                "misp.servers[0].auth: auth type key needs auth.key",
                "misp.servers[1].url: expected an http:// or https:// URL with a host, got 'ftp://misp.example'",
                "misp.servers[1].purpose: expected one of ImportAndExport, ImportOnly, ExportOnly, got 'ImportEverything'",
                "misp.servers[1].maxAttributes: expected a whole number, got 'many'",
                "misp.servers[1].wsConfig.ssl.loose.acceptAnyCertficate: unknown key; did you mean acceptAnyCertificate?",
                "misp.servers[1].auth.exclusion: unknown key; accepted keys: key, password, type, username");
        assertThat(error.getMessage()).startsWith("Invalid configuration of 'misp' (9 errors):\n  - ")
                .doesNotContain("secret-key-123");
    }

    @Test
    void acceptsTheDocumentedAndTheCodeSpellingsOfTheHive() {
        var documented = SampleSpecs.yaml("""
                misp:
                  interval: 2 hours
                  servers:
                    - { name: a, url: "https://a.example", max-age: 7 days, max-attributes: 1000 }
                """);
        var code = SampleSpecs.yaml("""
                misp:
                  syncInterval: 2h
                  servers:
                    - { name: a, url: "https://a.example", maxAge: P7D, maxAttributes: 1000 }
                """);
        ConfigBlock d = ConnectorConfigReader.read(documented, "misp", SampleSpecs.misp());
        ConfigBlock c = ConnectorConfigReader.read(code, "misp", SampleSpecs.misp());
        assertThat(d.duration("interval")).isEqualTo(Duration.ofHours(2));
        assertThat(d.blocks("servers").get(0).duration("maxAge")).isEqualTo(Duration.ofDays(7));
        assertThat(d.blocks("servers").get(0).integer("maxAttributes")).isEqualTo(1000);
        assertThat(d.describe()).isEqualTo(c.describe());
    }

    @Test
    void refusesTwoSpellingsOfOneSetting() {
        var env = SampleSpecs.yaml("misp:\n  interval: 1h\n  syncInterval: 2h\n");
        assertThatThrownBy(() -> ConnectorConfigReader.read(env, "misp", SampleSpecs.misp()))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("misp: interval and syncInterval are the same setting; keep only one");
    }

    @Test
    void appliesDefaultsAndMasksSecretsWhenDescribed() {
        var env = SampleSpecs.yaml("""
                misp:
                  servers:
                    - name: a
                      url: https://a.example/
                      auth: { key: "k-very-secret" }
                """);
        ConfigBlock misp = ConnectorConfigReader.read(env, "misp", SampleSpecs.misp());
        assertThat(misp.present()).isTrue();
        assertThat(misp.duration("interval")).isEqualTo(Duration.ofHours(1));
        ConfigBlock server = misp.blocks("servers").get(0);
        assertThat(server.string("purpose")).isEqualTo("ImportAndExport");
        assertThat(HttpServerSettings.effectiveAuthType(server.block("auth"), "key")).isEqualTo("key");
        assertThat(misp.toString()).contains("key=****").doesNotContain("k-very-secret");
        assertThat(server.block("wsConfig").block("ssl").block("loose").bool("acceptAnyCertificate")).isFalse();
    }

    @Test
    void anAbsentBlockIsNotPresentAndHasNoErrors() {
        ConfigBlock misp = ConnectorConfigReader.read(SampleSpecs.props(Map.of("other.key", "x")), "misp", SampleSpecs.misp());
        assertThat(misp.present()).isFalse();
        assertThat(misp.blocks("servers")).isEmpty();
    }

    @Test
    void aListFromAHigherSourceReplacesTheWholeListAndPlaceholdersResolve() {
        StandardEnvironment env = SampleSpecs.yaml("""
                misp:
                  interval: 3h
                  servers:
                    - { name: a, url: "https://a.example" }
                    - { name: b, url: "https://b.example" }
                """);
        env.getPropertySources().addFirst(new MapPropertySource("override", Map.of(
                "misp.servers[0].name", "c", "misp.servers[0].url", "https://c.example",
                "misp.servers[0].auth.key", "${TEST_MISP_KEY:from-placeholder}")));
        ConfigBlock misp = ConnectorConfigReader.read(env, "misp", SampleSpecs.misp());
        assertThat(misp.blocks("servers")).extracting(b -> b.string("name")).containsExactly("c");
        assertThat(misp.blocks("servers").get(0).block("auth").string("key")).isEqualTo("from-placeholder");
        assertThat(misp.duration("interval")).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void refusesAValueWhereABlockIsExpectedAndGapsInLists() {
        var env = SampleSpecs.props(Map.of("misp.servers", "not-a-list", "misp.interval.value", "1h"));
        var error = catchThrowableOfType(ConnectorConfigException.class,
                () -> ConnectorConfigReader.read(env, "misp", SampleSpecs.misp()));
        assertThat(error.errors()).containsExactlyInAnyOrder(
                "misp.servers: expected a list of blocks ([ {...}, {...} ])",
                "misp.interval: expected a single value, got a block with keys [value]");

        var gap = SampleSpecs.props(Map.of("misp.servers[1].name", "b", "misp.servers[1].url", "https://b.example"));
        assertThatThrownBy(() -> ConnectorConfigReader.read(gap, "misp", SampleSpecs.misp()))
                .hasMessageContaining("misp.servers: list elements must be numbered from 0 without gaps; found index [1]");
    }
}
