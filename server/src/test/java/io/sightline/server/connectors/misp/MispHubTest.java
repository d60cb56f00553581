package io.sightline.server.connectors.misp;

import io.sightline.server.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A hub with the MISP connector: sync on demand and wait, find alerts, read observables. */
abstract class MispHubTest extends HubTest {
    @Autowired
    protected JdbcClient jdbc;

    /** Asks for a sync over the API (TheHive's route) and waits until every server's run has ended. */
    protected JsonNode syncAndWait() {
        return awaitSync(requestSync());
    }

    /** Asks for a sync over the API; returns when it was asked, for {@link #awaitSync}. */
    protected long requestSync() {
        long before = System.currentTimeMillis();
        var r = admin.get("/api/connector/misp/_syncAlerts");
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        return before;
    }

    /** Waits until every server's run started after {@code before} has ended; returns the connector's health. */
    protected JsonNode awaitSync(long before) {
        MispTesting.await("the MISP sync has run", () -> {
            JsonNode health = admin.get("/api/v1/connector/misp").json();
            for (JsonNode p : health.path("partitions")) {
                if (p.path("running").asBoolean() || p.path("lastRunAt").asLong(0) < before) return false;
            }
            return true;
        });
        return admin.get("/api/v1/connector/misp").json();
    }

    /** The alert of a MISP event in the admin organisation, as the API shows it. */
    protected JsonNode alert(String eventId) {
        Long id = jdbc.sql("SELECT a.id FROM alert a JOIN organisation o ON o.id = a.org_id "
                        + "WHERE o.name = 'admin' AND a.type = 'misp' AND a.source_ref = ?")
                .param(eventId).query(Long.class).optional().orElseThrow(() -> new AssertionError("no alert for event " + eventId));
        var r = admin.get("/api/v1/alert/~" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    protected boolean hasAlert(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE type = 'misp' AND source_ref = ?").param(eventId)
                .query(Long.class).single() > 0;
    }

    protected List<JsonNode> observables(String path) {
        var r = admin.get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    protected List<JsonNode> alertObservables(String eventId) {
        return observables("/api/v1/alert/" + alert(eventId).get("_id").asString() + "/observables");
    }

    protected static List<String> values(List<JsonNode> observables) {
        return observables.stream().map(o -> o.path("data").asString()).toList();
    }

    protected static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
