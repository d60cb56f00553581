package io.sightline.server.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code sightline.data-dir} absolute once configuration is loaded: H2 refuses a database
 * path that is implicitly relative, and a user writing SIGHTLINE_DATA_DIR=data means "here".
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {
    static final String KEY = "sightline.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(KEY);
        if (configured == null || configured.isBlank()) return;
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("sightlineDataDirectory", Map.of(KEY, absolute)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
