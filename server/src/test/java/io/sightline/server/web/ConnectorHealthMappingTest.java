package io.sightline.server.web;

import io.sightline.server.auth.Principal;
import io.sightline.server.auth.Profile;
import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.connectors.spi.ConnectorContext;
import io.sightline.server.connectors.spi.ConnectorHealth;
import io.sightline.server.connectors.spi.ConnectorState;
import io.sightline.server.connectors.spi.FailingReport;
import io.sightline.server.connectors.spi.HealthStatus;
import io.sightline.server.connectors.spi.HealthTracker;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.spi.ServerStatus;
import io.sightline.server.status.StatusController;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One typed health, three readers, no hub: {@code /api/status} for a logged-in and an anonymous
 * caller (TheHive's shape, exactly) and the About page's view, for a server whose key was refused
 * (the key echoed by the remote is masked), a disabled connector and a report set aside.
 */
class ConnectorHealthMappingTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final long MS = T.toEpochMilli();
    private static final String SECRET = "s3cret-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock = Clock.fixed(T, ZoneOffset.UTC);
    private final Connector misp = connector("misp", mispHealth(), List.of());
    private final Connector cortex = connector("cortex", new HealthTracker("cortex", false, clock), List.of());
    private final Connector stixify = connector("stixify", stixifyHealth(), List.of(
            new FailingReport("dossier-1", "report--1", "Bad report", 3, true, "parse error at line 4", T)));
    private final StatusController status = new StatusController(List.of(misp, cortex, stixify), null);

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLoggedInCallerGetsTheFullTheHiveEntries() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                new Principal(1, "admin", "Admin", 1, "admin", Profile.ADMIN, null, false), null, List.of()));
        assertThat(connectors()).isEqualTo(json("""
                {"misp": {"enabled": true, "status": "ERROR", "servers": [
                   {"name": "MISP A", "version": "", "status": "AUTH_ERROR", "url": "https://misp.example",
                    "lastError": "key **** refused", "lastErrorAt": %1$d, "checkedAt": %1$d}]},
                 "cortex": {"enabled": false},
                 "stixify": {"enabled": true, "status": "OK", "servers": [
                   {"name": "stixify", "version": "", "status": "OK", "url": "https://stixify.example",
                    "lastOkAt": %1$d, "checkedAt": %1$d}],
                  "counters": {"imported": 2},
                  "failedReports": [{"dossierId": "dossier-1", "reportId": "report--1", "name": "Bad report",
                    "failedRuns": 3, "setAside": true, "lastError": "parse error at line 4", "lastFailedAt": %1$d}]}}
                """.formatted(MS)));
    }

    @Test
    void anAnonymousCallerGetsOnlyNamesAndStatusWords() {
        JsonNode shown = connectors();
        assertThat(shown).isEqualTo(json("""
                {"misp": {"enabled": true, "status": "ERROR", "servers": [{"name": "MISP A", "status": "AUTH_ERROR"}]},
                 "cortex": {"enabled": false},
                 "stixify": {"enabled": true, "status": "OK", "servers": [{"name": "stixify", "status": "OK"}]}}
                """));
        assertThat(shown.toString()).doesNotContain("example", "refused", "Bad report", SECRET);
    }

    @Test
    void theAboutPageShowsTheSameHealth() {
        ConnectorStatusView m = ConnectorStatusView.of(misp);
        assertThat(m.status()).isEqualTo("ERROR");
        assertThat(m.servers()).containsExactly(
                new ConnectorStatusView.Server("MISP A", null, "AUTH_ERROR", "key **** refused", "https://misp.example"));
        assertThat(ConnectorStatusView.of(cortex).enabled()).isFalse();
        ConnectorStatusView s = ConnectorStatusView.of(stixify);
        assertThat(s.ok()).isTrue();
        assertThat(s.failedReports()).singleElement().satisfies(f -> {
            assertThat(f.setAside()).isTrue();
            assertThat(f.failedRuns()).isEqualTo(3);
            assertThat(f.lastError()).isEqualTo("parse error at line 4");
        });
    }

    @Test
    void aConnectorThatFailedToStartShowsWhy() {
        ConnectorHealth failed = new ConnectorHealth("misp", true, ConnectorState.FAILED, "start failed: **** refused", T,
                HealthStatus.ERROR, null, List.of(), List.of(), Map.of(), null);
        ConnectorStatusView v = ConnectorStatusView.of("misp", failed);
        assertThat(v.status()).isEqualTo("ERROR");
        assertThat(v.error()).isEqualTo("start failed: **** refused");
    }

    @Test
    void aConnectorWhoseHealthCannotBeReadIsShownAsAnError() {
        Connector broken = new FixedConnector("broken", new HealthTracker("broken", true, clock), null) {
            @Override
            public ConnectorHealth currentHealth() {
                throw new IllegalStateException("database down");
            }
        };
        ConnectorStatusView v = ConnectorStatusView.of(broken);
        assertThat(v.status()).isEqualTo("ERROR");
        assertThat(v.error()).isEqualTo("Status unavailable: IllegalStateException");
    }

    private JsonNode connectors() {
        // as a client reads it: through the JSON text, so numbers compare by value
        return JSON.readTree(JSON.writeValueAsString(status.status())).get("connectors");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private HealthTracker mispHealth() {
        HealthTracker h = new HealthTracker("misp", true, clock);
        h.redact(SECRET);
        h.declareServer("MISP A", Map.of("url", "https://misp.example"));
        h.serverFailed("MISP A", ServerStatus.AUTH_ERROR, "key " + SECRET + " refused");
        return h;
    }

    private HealthTracker stixifyHealth() {
        HealthTracker h = new HealthTracker("stixify", true, clock);
        h.declareServer("stixify", Map.of("url", "https://stixify.example"));
        h.serverOk("stixify", "");
        h.count("dossier-1", "imported", 2);
        return h;
    }

    private static Connector connector(String name, HealthTracker health, List<FailingReport> failing) {
        return new FixedConnector(name, health, failing);
    }

    /** A connector as the runtime sees it, without a remote system; a syncing one when it has failing reports. */
    private static class FixedConnector implements Connector {
        private final String name;
        private final HealthTracker health;
        private final List<FailingReport> failing;

        FixedConnector(String name, HealthTracker health, List<FailingReport> failing) {
            this.name = name;
            this.health = health;
            this.failing = failing;
        }

        @Override public String name() { return name; }
        @Override public HealthTracker health() { return health; }
        @Override public void start(ConnectorContext context) { }
        @Override public void stop() { }
        @Override public List<ServerHealth> testConnection() { return health.snapshot().servers(); }

        @Override
        public ConnectorHealth currentHealth() {
            ConnectorHealth h = health.snapshot();
            return failing == null || failing.isEmpty() ? h : h.withSync(failing);
        }
    }
}
