package io.sightline.server.web;

import io.sightline.server.connectors.runtime.ConnectionTester.ConnectionTest;
import io.sightline.server.connectors.runtime.ConnectionTester.ConnectionTest.Outcome;
import io.sightline.server.connectors.spi.HealthStatus;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorTestResultTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aTestThatDidNotRunSaysWhy() {
        var unknown = ConnectorTestResult.of(new ConnectionTest("foo", Outcome.UNKNOWN_CONNECTOR, null, List.of()));
        assertThat(unknown.outcome()).isEqualTo("failed");
        assertThat(unknown.message()).isEqualTo("Connector foo not found");
        var denied = ConnectorTestResult.of(new ConnectionTest("misp", Outcome.NOT_ALLOWED, null, List.of()));
        assertThat(denied.message()).isEqualTo("Testing a connection needs the manageConfig permission");
    }

    @Test
    void listsEveryServerTheRuntimeChecked() {
        var r = ConnectorTestResult.of(new ConnectionTest("misp", Outcome.TESTED, HealthStatus.WARNING, List.of(
                server("MISP A", ServerStatus.OK, "2.4.190", null),
                server("MISP B", ServerStatus.ERROR, null, "connection refused"))));
        assertThat(r.outcome()).isEqualTo("failed");
        assertThat(r.message()).isEqualTo("WARNING; MISP A – 2.4.190 (OK); MISP B – Unknown version (ERROR: connection refused)");
    }

    @Test
    void allServersOkIsASuccessAndAnOldErrorIsNotShown() {
        var r = ConnectorTestResult.of(new ConnectionTest("cortex", Outcome.TESTED, HealthStatus.OK, List.of(
                server("Cortex", ServerStatus.OK, "3.1.8", "timed out an hour ago"))));
        assertThat(r.outcome()).isEqualTo("ok");
        assertThat(r.message()).isEqualTo("OK; Cortex – 3.1.8 (OK)");
    }

    private static ServerHealth server(String name, ServerStatus status, String version, String lastError) {
        return new ServerHealth(name, status, version, NOW, status == ServerStatus.OK ? NOW : null, lastError,
                lastError == null ? null : NOW, Map.of());
    }
}
