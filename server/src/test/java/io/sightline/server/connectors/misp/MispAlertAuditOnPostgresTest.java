package io.sightline.server.connectors.misp;

import io.sightline.server.support.PostgresDatabase;
import io.sightline.testkit.misp.MispEmulator;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ContextConfiguration(initializers = PostgresDatabase.class)
class MispAlertAuditOnPostgresTest extends MispAlertAuditContract {
    static final MispTesting.Misp MISP = new MispTesting.Misp(MispEmulator.Options.defaults());

    @DynamicPropertySource
    static void misp(DynamicPropertyRegistry r) {
        MispTesting.server(r, 0, "local", MISP.emulator);
    }

    @AfterAll
    static void stopMisp() {
        MISP.emulator.close();
    }

    @Override
    protected MispTesting.Misp misp() {
        return MISP;
    }
}
