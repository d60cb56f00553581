package io.sightline.server.connectors.config;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** TheHive's application.conf blocks from the seed load into the same settings as their YAML form. */
class HoconConfigTest {
    static final Path SEED_CONF = Path.of("src/test/resources/connectors/seed-application.conf").toAbsolutePath();
    static final Path SEED_YAML = Path.of("src/test/resources/connectors/seed-application.yml").toAbsolutePath();

    @Test
    void theSeedsHoconBlocksReadLikeTheirYamlForm() {
        var conf = SampleSpecs.load(new HoconPropertySourceLoader(), new FileSystemResource(SEED_CONF));
        var yaml = SampleSpecs.load(new YamlPropertySourceLoader(), new FileSystemResource(SEED_YAML));

        ConfigBlock misp = ConnectorConfigReader.read(conf, "misp", SampleSpecs.misp());
        ConfigBlock cortex = ConnectorConfigReader.read(conf, "cortex", SampleSpecs.cortex());
        assertThat(misp.describe()).isEqualTo(ConnectorConfigReader.read(yaml, "misp", SampleSpecs.misp()).describe());
        assertThat(cortex.describe()).isEqualTo(ConnectorConfigReader.read(yaml, "cortex", SampleSpecs.cortex()).describe());

        assertThat(misp.duration("interval")).isEqualTo(Duration.ofHours(1));
        ConfigBlock server = misp.blocks("servers").get(0);
        assertThat(server.string("name")).isEqualTo("MISP Server");
        assertThat(server.uri("url").toString()).isEqualTo("https://misp.server");
        assertThat(server.block("auth").string("type")).isEqualTo("key");
        assertThat(server.block("auth").string("key")).isEqualTo("<YOUR_APIKEY>");
        assertThat(server.block("wsConfig").block("ssl").block("loose").bool("acceptAnyCertificate")).isTrue();

        assertThat(cortex.duration("refreshDelay")).isEqualTo(Duration.ofSeconds(5));
        assertThat(cortex.integer("maxRetryOnError")).isEqualTo(3);
        assertThat(cortex.duration("statusCheckInterval")).isEqualTo(Duration.ofMinutes(1));
        ConfigBlock cortexServer = cortex.blocks("servers").get(0);
        assertThat(cortexServer.string("name")).isEqualTo("Cortex");
        assertThat(HttpServerSettings.toTarget("cortex:Cortex", cortexServer, "bearer").auth().toString()).isEqualTo("bearer(****)");
    }

    @Test
    void playModuleLinesLoadAsAPlainListThatBreaksNothing() {
        var conf = SampleSpecs.load(new HoconPropertySourceLoader(), new FileSystemResource(SEED_CONF));
        assertThat(conf.getProperty("play.modules.enabled[0]")).isEqualTo("org.thp.thehive.connector.misp.MispModule");
        assertThat(conf.getProperty("play.modules.enabled[1]")).isEqualTo("org.thp.thehive.connector.cortex.CortexModule");
    }

    @Test
    void springBootLoadsAConfFileGivenAsAdditionalLocation() {
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ctx = app.run("--spring.config.additional-location=file:" + SEED_CONF,
                "--spring.main.banner-mode=off")) {
            var env = ctx.getEnvironment();
            assertThat(env.getProperty("misp.servers[0].url")).isEqualTo("https://misp.server");
            assertThat(env.getProperty("cortex.refreshDelay")).isEqualTo("5 seconds");
            ConfigBlock misp = ConnectorConfigReader.read(env, "misp", SampleSpecs.misp());
            assertThat(misp.blocks("servers")).hasSize(1);
        }
    }

    @Test
    void aConfFileIsFoundByNameLikeAYamlFile() {
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ctx = app.run("--spring.config.name=seed-application",
                "--spring.config.location=classpath:/connectors/", "--spring.main.banner-mode=off")) {
            assertThat(ctx.getEnvironment().getProperty("play.modules.enabled[1]"))
                    .isEqualTo("org.thp.thehive.connector.cortex.CortexModule");
        }
    }

    @Test
    void nestedAndQuotedDottedTimeoutsAndSubstitutionsAreHonoured() {
        var conf = SampleSpecs.hocon("""
                base = "https://misp.example"
                misp {
                  servers = [
                    { name = nested, url = ${base}, wsConfig { timeout { request = 5m, connection = 3 seconds } } }
                    { name = dotted, url = ${base}, wsConfig { "timeout.request" = 7 minutes },
                      auth { type = basic, username = u, password = ${?NO_SUCH_VARIABLE_FOR_TEST} "p4ss" } }
                  ]
                }
                """);
        ConfigBlock misp = ConnectorConfigReader.read(conf, "misp", SampleSpecs.misp());
        var nested = HttpServerSettings.toTarget("misp:nested", misp.blocks("servers").get(0), "key");
        var dotted = HttpServerSettings.toTarget("misp:dotted", misp.blocks("servers").get(1), "key");
        assertThat(nested.requestTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(nested.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(dotted.requestTimeout()).isEqualTo(Duration.ofMinutes(7));
        assertThat(dotted.auth().toString()).isEqualTo("basic(u:****)");
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}
}
