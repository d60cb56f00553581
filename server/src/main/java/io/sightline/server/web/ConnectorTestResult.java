package io.sightline.server.web;

import io.sightline.server.connectors.runtime.ConnectionTester.ConnectionTest;
import io.sightline.server.connectors.spi.HealthStatus;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;

/**
 * The answer of a connector's connection test, as the About page shows it.
 *
 * @param outcome "ok" or "failed"
 * @param message what to tell the user; it may come from a remote server and is rendered escaped
 */
public record ConnectorTestResult(String outcome, String message) {

    static ConnectorTestResult refused(String message) {
        return new ConnectorTestResult("failed", message);
    }

    /** "STATUS; name – version (STATUS: reason)" for each server checked, or why the test did not run. */
    static ConnectorTestResult of(ConnectionTest test) {
        if (test.outcome() != ConnectionTest.Outcome.TESTED) return refused(test.refusal());
        StringBuilder shown = new StringBuilder(test.status().name());
        for (ServerHealth s : test.servers()) {
            boolean ok = s.status() == ServerStatus.OK;
            shown.append("; ").append(s.name()).append(" – ")
                    .append(s.version() == null || s.version().isBlank() ? "Unknown version" : s.version())
                    .append(" (").append(s.status().name())
                    .append(ok || s.lastError() == null ? "" : ": " + s.lastError()).append(')');
        }
        return new ConnectorTestResult(test.status() == HealthStatus.OK ? "ok" : "failed", shown.toString());
    }
}
