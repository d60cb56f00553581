package io.sightline.server.support;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs the hub on an embedded H2 file database, as {@code ./sightline serve} does. */
public class H2Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String dir = "target/test-data/h2-" + UUID.randomUUID();
        TestPropertyValues.of("sightline.data-dir=" + dir,
                "spring.datasource.url=jdbc:h2:file:./" + dir + "/db/sightline").applyTo(context);
    }
}
