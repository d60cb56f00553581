package io.sightline.server.connectors.stixify;

import io.sightline.server.support.H2Database;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ContextConfiguration(initializers = H2Database.class)
class StixifyConnectorOnH2Test extends StixifyConnectorContract {
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
