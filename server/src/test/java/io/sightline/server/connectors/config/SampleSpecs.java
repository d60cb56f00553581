package io.sightline.server.connectors.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import static io.sightline.server.connectors.config.ConfigSpec.Type.BOOLEAN;
import static io.sightline.server.connectors.config.ConfigSpec.Type.DURATION;
import static io.sightline.server.connectors.config.ConfigSpec.Type.INTEGER;
import static io.sightline.server.connectors.config.ConfigSpec.Type.STRING;
import static io.sightline.server.connectors.config.ConfigSpec.Type.STRING_LIST;

/** Specs shaped like the MISP and Cortex blocks (TheHive 4 keys), and environments to read them from. */
final class SampleSpecs {
    private SampleSpecs() {}

    static ConfigSpec misp() {
        ConfigSpec filters = ConfigSpec.create().optional("organisations", STRING_LIST, null).optional("tags", STRING_LIST, null);
        ConfigSpec server = HttpServerSettings.serverSpec("key")
                .choice("purpose", "ImportAndExport", List.of("ImportAndExport", "ImportOnly", "ExportOnly"))
                .optional("maxAge", DURATION, null)
                .optional("maxAttributes", INTEGER, null)
                .optional("caseTemplate", STRING, null)
                .optional("tags", STRING_LIST, null)
                .optional("exportCaseTags", BOOLEAN, false)
                .block("exclusion", filters)
                .block("whitelist", filters);
        return ConfigSpec.create()
                .optional("enabled", BOOLEAN, true)
                .optional("interval", DURATION, Duration.ofHours(1), "syncInterval")
                .optional("syncInitialDelay", DURATION, Duration.ZERO)
                .optional("checkStatusInterval", DURATION, Duration.ofMinutes(5))
                .blockList("servers", server, false);
    }

    static ConfigSpec cortex() {
        return ConfigSpec.create()
                .blockList("servers", HttpServerSettings.serverSpec("bearer"), false)
                .optional("refreshDelay", DURATION, Duration.ofSeconds(5))
                .optional("maxRetryOnError", INTEGER, 3)
                .optional("statusCheckInterval", DURATION, Duration.ofMinutes(1));
    }

    static StandardEnvironment yaml(String yaml) {
        return load(new YamlPropertySourceLoader(), new ByteArrayResource(yaml.getBytes()));
    }

    static StandardEnvironment hocon(String hocon) {
        return load(new HoconPropertySourceLoader(), new ByteArrayResource(hocon.getBytes()));
    }

    static StandardEnvironment load(PropertySourceLoader loader, Resource resource) {
        StandardEnvironment env = new StandardEnvironment();
        try {
            List<PropertySource<?>> sources = loader.load("test", resource);
            for (PropertySource<?> s : sources) env.getPropertySources().addLast(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return env;
    }

    static StandardEnvironment props(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }
}
