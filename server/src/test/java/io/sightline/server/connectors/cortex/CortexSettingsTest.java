package io.sightline.server.connectors.cortex;

import io.sightline.server.connectors.config.ConnectorConfigException;
import io.sightline.server.connectors.config.HoconPropertySourceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code cortex} block of the seed, in TheHive's HOCON form and as application.yml, plus Sightline's limits. */
class CortexSettingsTest {
    static final Path SEED_CONF = Path.of("src/test/resources/connectors/seed-application.conf");
    static final Path SEED_YAML = Path.of("src/test/resources/connectors/seed-application.yml");

    @Test
    void theSeedsBlockReadsTheSameFromHoconAndYaml() {
        CortexSettings conf = CortexSettings.read(load(new HoconPropertySourceLoader(), new FileSystemResource(SEED_CONF)));
        CortexSettings yaml = CortexSettings.read(load(new YamlPropertySourceLoader(), new FileSystemResource(SEED_YAML)));
        for (CortexSettings s : new CortexSettings[] {conf, yaml}) {
            assertThat(s.present()).isTrue();
            assertThat(s.refreshDelay()).isEqualTo(Duration.ofSeconds(5));
            assertThat(s.maxRetryOnError()).isEqualTo(3);
            assertThat(s.statusCheckInterval()).isEqualTo(Duration.ofMinutes(1));
            CortexSettings.Server server = s.servers().get(0);
            assertThat(server.name()).isEqualTo("Cortex");
            assertThat(server.url()).isEqualTo("http://cortex1:9001");
            assertThat(server.target().tls().acceptAnyCertificate()).isTrue();
            assertThat(server.target().auth().toString()).isEqualTo("bearer(****)");
            assertThat(server.maxConcurrentJobs()).isEqualTo(100);
            assertThat(server.target().rateLimit()).isNull();
            assertThat(server.allows("any-org")).isTrue();
            assertThat(server.toString()).doesNotContain("<YOUR_APIKEY>");
        }
    }

    @Test
    void perServerLimitsAndOrganisationFilters() {
        CortexSettings s = CortexSettings.read(load(new HoconPropertySourceLoader(), text("""
                cortex {
                  servers = [{
                    name = prod, url = "https://cortex.example", auth { type = bearer, key = abcdef }
                    maxConcurrentJobs = 5, requestsPerSecond = 20
                    includedTheHiveOrganisations = [soc, cert], excludedTheHiveOrganisations = [cert]
                  }]
                  refreshDelay = 2 seconds
                }""")));
        CortexSettings.Server server = s.servers().get(0);
        assertThat(server.maxConcurrentJobs()).isEqualTo(5);
        assertThat(server.target().rateLimit().requestsPerSecond()).isEqualTo(20.0);
        assertThat(server.allows("soc")).isTrue();
        assertThat(server.allows("cert")).isFalse();
        assertThat(server.allows("other")).isFalse();
        assertThat(s.refreshDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everyMistakeIsListedAtOnce() {
        assertThatThrownBy(() -> CortexSettings.read(load(new YamlPropertySourceLoader(), text("""
                cortex:
                  servers:
                    - name: a
                      url: ftp://nowhere
                      auth: {type: bearer}
                    - name: a
                      url: http://127.0.0.1:9001
                      auth: {type: bearer, key: k123}
                      maxJobs: 3
                  refreshDelay: 5
                """))))
                .isInstanceOf(ConnectorConfigException.class)
                .satisfies(e -> assertThat(((ConnectorConfigException) e).errors()).hasSizeGreaterThanOrEqualTo(4)
                        .anySatisfy(m -> assertThat(m).contains("url"))
                        .anySatisfy(m -> assertThat(m).contains("auth type bearer needs auth.key"))
                        .anySatisfy(m -> assertThat(m).contains("maxJobs").contains("unknown key"))
                        .anySatisfy(m -> assertThat(m).contains("refreshDelay"))
                        .anySatisfy(m -> assertThat(m).contains("two servers are named 'a'")));
    }

    @Test
    void anAbsentBlockLeavesTheConnectorDisabled() {
        assertThat(CortexSettings.read(new StandardEnvironment()).present()).isFalse();
    }

    private static Resource text(String s) {
        return new ByteArrayResource(s.getBytes());
    }

    private static StandardEnvironment load(PropertySourceLoader loader, Resource resource) {
        StandardEnvironment env = new StandardEnvironment();
        try {
            loader.load("test", resource).forEach(p -> env.getPropertySources().addLast(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }
}
