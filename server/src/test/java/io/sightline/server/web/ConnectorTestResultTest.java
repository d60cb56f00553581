package io.sightline.server.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the About page reads the answer of a connector's connection test. */
class ConnectorTestResultTest {

    @Test
    void aMissingEndpointMeansTheTestIsNotAvailable() {
        assertThat(ConnectorTestResult.interpret(404, "").outcome()).isEqualTo("unavailable");
        assertThat(ConnectorTestResult.interpret(404, "{\"type\":\"NotFoundError\",\"message\":\"No such endpoint: api/v1/x\"}")
                .outcome()).isEqualTo("unavailable");
    }

    @Test
    void anUnknownConnectorIsAFailureWithTheHubsMessage() {
        var r = ConnectorTestResult.interpret(404, "{\"type\":\"NotFoundError\",\"message\":\"Connector foo not found\"}");
        assertThat(r.outcome()).isEqualTo("failed");
        assertThat(r.message()).isEqualTo("HTTP 404: Connector foo not found");
    }

    @Test
    void aSuccessfulTestShowsStatusAndVersion() {
        var r = ConnectorTestResult.interpret(200, "{\"status\":\"OK\",\"version\":\"2.4.190\"}");
        assertThat(r.outcome()).isEqualTo("ok");
        assertThat(r.message()).isEqualTo("OK – version 2.4.190");
    }

    @Test
    void listsEveryServerTheRuntimeChecked() {
        var r = ConnectorTestResult.interpret(200, """
                {"name": "misp", "status": "WARNING", "servers": [
                  {"name": "MISP A", "version": "2.4.190", "status": "OK"},
                  {"name": "MISP B", "version": "", "status": "ERROR", "lastError": "connection refused"}]}""");
        assertThat(r.outcome()).isEqualTo("failed");
        assertThat(r.message()).isEqualTo("WARNING; MISP A – 2.4.190 (OK); MISP B – Unknown version (ERROR: connection refused)");
    }

    @Test
    void aRemoteRefusalIsAFailureWithItsReason() {
        var r = ConnectorTestResult.interpret(200, "{\"status\":\"AUTH_ERROR\",\"message\":\"key rejected by Cortex\"}");
        assertThat(r.outcome()).isEqualTo("failed");
        assertThat(r.message()).isEqualTo("AUTH_ERROR: key rejected by Cortex");
        var down = ConnectorTestResult.interpret(502, "{\"type\":\"ConnectorError\",\"message\":\"connection refused\"}");
        assertThat(down.outcome()).isEqualTo("failed");
        assertThat(down.message()).isEqualTo("HTTP 502: connection refused");
    }
}
