package io.sightline.server.connectors.stixify;

import io.sightline.server.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ContextConfiguration(initializers = PostgresDatabase.class)
class StixifyAmqpOnPostgresTest extends StixifyAmqpContract {
    static final Servers SERVERS = new Servers();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @AfterAll
    static void stopAll() throws Exception {
        SERVERS.close();
    }

    @Override
    protected Servers servers() {
        return SERVERS;
    }
}
