package io.sightline.server.connectors.stixify;

import io.sightline.server.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ContextConfiguration(initializers = PostgresDatabase.class)
class StixifyConnectorOnPostgresTest extends StixifyConnectorContract {
    static final StixifyDossiers STIXIFY = new StixifyDossiers();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        STIXIFY.register(registry);
    }

    @AfterAll
    static void stopEmulator() {
        STIXIFY.close();
    }

    @Override
    protected StixifyDossiers stixify() {
        return STIXIFY;
    }
}
