package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.testkit.opencti.OpenCtiEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT as in the official sample config (true, 75): the admin
 * token only sets up "[C] Stixify"; registration, works and bundles are that user's.
 */
class ServiceAccountTest {
    SyncEnvironment env;
    String dossier;

    @BeforeEach
    void start() {
        env = new SyncEnvironment();
        dossier = env.dossierWithSamples("report-rat-c2.json");
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    ConnectorConfig config(String protocol) {
        Map<String, String> e = env.env(protocol, List.of(dossier));
        e.put("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT", "true");
        e.put("CONNECTOR_AUTO_CREATE_SERVICE_ACCOUNT_CONFIDENCE_LEVEL", "75");
        return ConnectorConfig.load(new ConfigSource(e, null));
    }

    @Test
    void theConnectorCreatesItsServiceAccountAndImportsAsIt() throws Exception {
        try (StixifyConnector connector = StixifyConnector.start(config("amqp"))) {
            assertThat(connector.runScheduled()).isTrue();
        }
        env.awaitSettled();

        OpenCtiEmulator.UserView account = env.platform.user("[C] Stixify").orElseThrow();
        assertThat(account.email()).isEqualTo("stixify@connector.octi.filigran.io");
        assertThat(account.serviceAccount()).isTrue();
        assertThat(account.maxConfidence()).isEqualTo(75);
        assertThat(account.groups()).containsExactly("Connectors");

        assertThat(env.platform.fieldsCalledBy("admin")).containsExactly("groups", "users", "userAdd");
        assertThat(env.platform.fieldsCalledBy("[C] Stixify")).contains("about", "registerConnector", "workAdd", "pingConnector");
        assertThat(env.platform.connectorUserId(env.connectorId)).isEqualTo(account.id());
        assertThat(env.platform.received().messagesByApplicant()).containsOnlyKeys(account.id());
        assertThat(env.works("Stixify Connector Run")).hasSize(1);

        // A restart finds the account and reads its token; nothing is created twice.
        try (StixifyConnector connector = StixifyConnector.start(config("api"))) {
            assertThat(connector.runScheduled()).isTrue();
        }
        assertThat(env.platform.fieldsCalledBy("admin")).containsExactly("groups", "users", "userAdd", "groups", "users", "user");
        assertThat(env.platform.registrations(env.connectorId)).isEqualTo(2);
    }

    @Test
    void withoutTheConnectorsGroupTheGivenTokenIsKeptAsPyctiDoes() throws Exception {
        env.platform.removeGroup("Connectors");
        try (StixifyConnector connector = StixifyConnector.start(config("amqp"))) {
            assertThat(connector.runScheduled()).isTrue();
        }
        assertThat(env.platform.user("[C] Stixify")).isEmpty();
        assertThat(env.platform.fieldsCalledBy("admin")).contains("groups", "registerConnector", "workAdd").doesNotContain("userAdd");
    }
}
