package io.sightline.server.connectors.stixify;

import io.sightline.server.support.H2Database;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ContextConfiguration(initializers = H2Database.class)
class StixifyOpenCtiOnH2Test extends StixifyOpenCtiContract {
    static final Servers SERVERS = new Servers();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @AfterAll
    static void stopEmulators() {
        SERVERS.close();
    }

    @Override
    protected Servers servers() {
        return SERVERS;
    }
}
