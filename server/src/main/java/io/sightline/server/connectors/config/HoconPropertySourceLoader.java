package io.sightline.server.connectors.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

/**
 * Loads TheHive-style HOCON files ({@code application.conf}) into Spring's Environment, so that
 * {@code --spring.config.additional-location=file:/etc/sightline/application.conf} works like a
 * YAML file. The HOCON tree is flattened with Spring's naming: {@code misp.servers[0].auth.key}.
 * A quoted dotted key ({@code "timeout.request" = 5m}) and a nested one ({@code timeout { request
 * = 5m }}) land on the same property, so both spellings work. Substitutions such as
 * {@code ${?MISP_KEY}} are resolved against the file and the process environment; Play's
 * {@code play.modules.enabled += ...} lines load as an ordinary list that nothing reads.
 */
public class HoconPropertySourceLoader implements PropertySourceLoader {

    @Override
    public String[] getFileExtensions() {
        return new String[] {"conf"};
    }

    @Override
    public List<PropertySource<?>> load(String name, Resource resource) throws IOException {
        Config config;
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            ConfigParseOptions options = ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setOriginDescription(resource.getDescription()).setAllowMissing(false);
            config = ConfigFactory.parseReader(reader, options).resolve(ConfigResolveOptions.defaults());
        } catch (ConfigException e) {
            throw new IllegalStateException("Cannot read HOCON file " + resource.getDescription() + ": " + e.getMessage(), e);
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", config.root(), flat);
        if (flat.isEmpty()) return List.of();
        return List.of(new OriginTrackedMapPropertySource(name, flat, true));
    }

    private static void flatten(String path, ConfigValue value, Map<String, Object> out) {
        switch (value.valueType()) {
            case OBJECT -> {
                ConfigObject object = (ConfigObject) value;
                if (object.isEmpty() && !path.isEmpty()) out.put(path, "");
                object.forEach((key, child) -> flatten(path.isEmpty() ? key : path + "." + key, child, out));
            }
            case LIST -> {
                ConfigList list = (ConfigList) value;
                if (list.isEmpty()) out.put(path, "");
                for (int i = 0; i < list.size(); i++) flatten(path + "[" + i + "]", list.get(i), out);
            }
            case NULL -> out.put(path, "");
            default -> out.put(path, value.unwrapped());
        }
    }
}
