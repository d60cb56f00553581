package io.sightline.server.connectors.misp;

import io.sightline.server.connectors.config.ConfigBlock;
import io.sightline.server.connectors.config.ConnectorConfigException;
import io.sightline.server.connectors.config.ConnectorConfigReader;
import io.sightline.server.connectors.config.HoconPropertySourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code misp} block as TheHive users write it (HOCON, both spellings) and as YAML. */
class MispSettingsTest {

    @Test
    void seedBlockIsAcceptedAsItIs() throws IOException {
        ConfigBlock misp = read(new HoconPropertySourceLoader(), new ClassPathResource("connectors/seed-application.conf"));
        assertThat(misp.duration("interval")).isEqualTo(Duration.ofHours(1));
        MispSettings.Server server = MispSettings.Server.of(misp.blocks("servers").get(0));
        assertThat(server.name()).isEqualTo("MISP Server");
        assertThat(server.importing()).isTrue();
        assertThat(server.exporting()).isTrue();
        assertThat(server.target().tls().acceptAnyCertificate()).isTrue();
        assertThat(server.toString()).doesNotContain("YOUR_APIKEY");
    }

    @Test
    void theHiveCodeSpellingsAndSightlineOptionsInHocon() throws IOException {
        ConfigBlock misp = read(new HoconPropertySourceLoader(), text("""
                misp {
                  syncInterval = 10 minutes
                  servers = [{
                    name = A, url = "https://a.example", auth { type = key, key = k1 }
                    purpose = ImportOnly, max-age = 7d, max-attributes = 500, tags = [extra]
                    exclusion { tags = [drop], organisations = [Bad] }
                    whitelist { tags = [keep] }
                    excludedTheHiveOrganisations = [other]
                    wsConfig { timeout { request = 30s }, proxy { host = proxy.local, port = 8080 } }
                  }]
                }"""));
        assertThat(misp.duration("interval")).isEqualTo(Duration.ofMinutes(10));
        MispSettings.Server a = MispSettings.Server.of(misp.blocks("servers").get(0));
        assertThat(a.exporting()).isFalse();
        assertThat(a.maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(a.maxAttributes()).isEqualTo(500);
        assertThat(a.extraTags()).containsExactly("extra");
        assertThat(a.excludeTags()).containsExactly("drop");
        assertThat(a.excludeOrgs()).containsExactly("Bad");
        assertThat(a.includeTags()).containsExactly("keep");
        assertThat(a.servesOrganisation("admin")).isTrue();
        assertThat(a.servesOrganisation("other")).isFalse();
        assertThat(a.target().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.target().proxy().port()).isEqualTo(8080);
    }

    @Test
    void yamlWithDocumentedSpellings() throws IOException {
        ConfigBlock misp = read(new YamlPropertySourceLoader(), text("""
                misp:
                  interval: 1h
                  servers:
                    - name: B
                      url: https://b.example
                      auth: { type: key, key: k2 }
                      purpose: export
                      maxAge: PT12H
                      maxAttributes: 10
                """));
        MispSettings.Server b = MispSettings.Server.of(misp.blocks("servers").get(0));
        assertThat(b.importing()).isFalse();
        assertThat(b.purposeLabel()).isEqualTo("ExportOnly");
        assertThat(b.maxAge()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void unknownKeysAndCaseTemplatesAreRefusedAllAtOnce() {
        assertThatThrownBy(() -> read(new HoconPropertySourceLoader(), text("""
                misp {
                  interval = 1 hour
                  syncInterval = 2 hours
                  servers = [{ name = C, url = "https://c.example", auth { key = k3 }, caseTemplate = "MISP-Event", maxAgee = 1d }]
                }""")))
                .isInstanceOfSatisfying(ConnectorConfigException.class, e -> assertThat(String.join("\n", e.errors()))
                        .contains("same setting", "maxAgee: unknown key", "no case templates")
                        .doesNotContain("k3"));
    }

    private static ByteArrayResource text(String s) {
        return new ByteArrayResource(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ConfigBlock read(PropertySourceLoader loader, org.springframework.core.io.Resource resource) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        List<PropertySource<?>> sources = loader.load("test", resource);
        sources.forEach(s -> env.getPropertySources().addLast(s));
        return ConnectorConfigReader.read(env, "misp", MispSettings.spec());
    }
}
