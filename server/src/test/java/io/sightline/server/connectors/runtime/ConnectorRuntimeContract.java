package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.HealthStatus;
import io.sightline.server.connectors.spi.PartitionHealth;
import io.sightline.server.connectors.spi.PartitionScheduler;

import io.sightline.server.support.HubTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runtime with a test connector, over HTTP and against the database; run on H2 and PostgreSQL. */
@Import(TestConnectorConfig.class)
@TestPropertySource(properties = {
        "test-connector.interval=1 second",
        "test-connector.servers[0].name=alpha",
        "test-connector.servers[0].url=https://alpha.example/",
        "test-connector.servers[0].version=2.4.190",
        "test-connector.servers[0].auth.key=" + TestConnectorConfig.KEY,
        "test-connector.servers[1].name=beta",
        "test-connector.servers[1].url=http://beta.example:9001",
        "test-connector.servers[1].auth.key=" + TestConnectorConfig.KEY})
abstract class ConnectorRuntimeContract extends HubTest {

    @Autowired TestConnector connector;
    @Autowired CheckpointStore checkpoints;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired PartitionLocks connectorLocks;

    @BeforeEach
    void dataTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS runtime_test_data (id VARCHAR(64) PRIMARY KEY)").update();
    }

    @Test
    void statusShowsTheConnectorInTheHivesShapeWithoutSecrets() {
        var r = admin.get("/api/status");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(TestConnectorConfig.KEY);
        var test = r.json().get("connectors").get("test");
        assertThat(test.get("enabled").asBoolean()).isTrue();
        assertThat(test.get("status").asString()).isEqualTo("WARNING");
        var alpha = test.get("servers").get(0);
        assertThat(alpha.get("name").asString()).isEqualTo("alpha");
        assertThat(alpha.get("version").asString()).isEqualTo("2.4.190");
        assertThat(alpha.get("status").asString()).isEqualTo("OK");
        assertThat(alpha.get("url").asString()).isEqualTo("https://alpha.example/");
        var beta = test.get("servers").get(1);
        assertThat(beta.get("status").asString()).isEqualTo("AUTH_ERROR");
        assertThat(beta.get("version").asString()).isEmpty();
        assertThat(beta.get("lastError").asString()).isEqualTo("key **** refused (401)");
    }

    @Test
    void serverStatusIsRefreshedPeriodicallyOnEachInstance() {
        Instant first = connector.health().snapshot().servers().get(0).checkedAt();
        await(() -> connector.health().snapshot().servers().get(0).checkedAt().isAfter(first));
        assertThat(admin.get("/api/status").json().get("connectors").get("test").get("servers").get(0)
                .get("checkedAt").asLong()).isGreaterThan(first.toEpochMilli());
    }

    @Test
    void actuatorHealthAndMetricsIncludeTheConnector() {
        var health = admin.get("/actuator/health");
        assertThat(health.body()).doesNotContain(TestConnectorConfig.KEY);
        var test = health.json().get("components").get("connectors").get("components").get("test");
        assertThat(test.get("status").asString()).isEqualTo("UP");
        assertThat(test.get("details").get("status").asString()).isEqualTo("WARNING");
        assertThat(test.get("details").get("state").asString()).isEqualTo("RUNNING");

        var up = admin.get("/actuator/metrics/sightline.connector.server.up?tag=connector:test&tag=server:alpha");
        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        assertThat(up.json().get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
        var down = admin.get("/actuator/metrics/sightline.connector.server.up?tag=connector:test&tag=server:beta");
        assertThat(down.json().get("measurements").get(0).get("value").asDouble()).isEqualTo(0.0);
        await(() -> admin.get("/actuator/metrics/sightline.connector.records?tag=connector:test&tag=kind:imported").status() == 200);
        var imported = admin.get("/actuator/metrics/sightline.connector.records?tag=connector:test&tag=kind:imported");
        assertThat(imported.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void adminApiShowsHealthAndTestsConnectionsForAdminsOnly() {
        var list = admin.get("/api/v1/connector");
        assertThat(list.status()).isEqualTo(200);
        // Other connectors of the hub (disabled here) are listed too.
        JsonNode test = null;
        for (JsonNode c : list.json()) if (c.get("name").asString().equals("test")) test = c;
        assertThat(test).as(list.body()).isNotNull();
        assertThat(test.get("state").asString()).isEqualTo("RUNNING");
        assertThat(test.get("partitions").size()).isEqualTo(2);
        assertThat(test.get("partitions").get(0).get("nextRunAt").asLong()).isPositive();

        var tested = admin.post("/api/v1/connector/test/test", "");
        assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
        assertThat(tested.body()).doesNotContain(TestConnectorConfig.KEY);
        assertThat(tested.json().get("status").asString()).isEqualTo("WARNING");
        assertThat(tested.json().get("servers").get(1).get("status").asString()).isEqualTo("AUTH_ERROR");

        assertThat(admin.get("/api/v1/connector/nope").status()).isEqualTo(404);
        var analyst = newUser(unique("org"), "analyst");
        assertThat(analyst.get("/api/v1/connector").status()).isEqualTo(403);
        assertThat(analyst.post("/api/v1/connector/test/test", "").status()).isEqualTo(403);
    }

    @Test
    void everyPartitionKeepsBeingPolledEveryInterval() {
        Instant now = Instant.now();
        for (String name : List.of("alpha", "beta")) {
            // run again since the test began, and planned once more after that run
            await(() -> {
                PartitionHealth p = partition(name);
                return p.lastRunAt() != null && p.lastRunAt().isAfter(now) && p.nextRunAt().isAfter(p.lastRunAt());
            });
        }
    }

    @Test
    void aFailingRunIsRecordedInHealthAndTheNextRunStillHappens() {
        int before = connector.runs.get();
        connector.failRunsOf.add("alpha");
        await(() -> partition("alpha").consecutiveFailures() >= 1);
        PartitionHealth failed = partition("alpha");
        assertThat(failed.lastError()).isEqualTo("remote answered 500 for key ****");
        assertThat(connector.health().snapshot().status()).isEqualTo(HealthStatus.WARNING);

        connector.failRunsOf.remove("alpha");
        await(() -> partition("alpha").consecutiveFailures() == 0);
        PartitionHealth recovered = partition("alpha");
        assertThat(recovered.lastSuccessAt()).isAfter(failed.lastErrorAt());
        assertThat(recovered.lastError()).isEqualTo(failed.lastError());
        assertThat(connector.runs.get()).isGreaterThan(before + 1);
    }

    @Test
    void triggerNowRunsAPartitionOnDemand() throws Exception {
        int before = connector.runs.get();
        var outcome = connector.scheduler.triggerNow("beta").get();
        assertThat(outcome).isIn(PartitionScheduler.Outcome.SUCCEEDED, PartitionScheduler.Outcome.FAILED);
        assertThat(connector.runs.get()).isGreaterThan(before);
        assertThatThrownBy(() -> connector.scheduler.triggerNow("gamma")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCheckpointCommitsAndRollsBackWithTheDataItCovers() {
        String partition = unique("p");
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO runtime_test_data (id) VALUES (?)").param(partition + "-1").update();
            checkpoints.commit("test", partition, "100");
        });
        assertThat(checkpoints.get("test", partition).orElseThrow().value()).isEqualTo("100");

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO runtime_test_data (id) VALUES (?)").param(partition + "-2").update();
            checkpoints.commit("test", partition, "200");
            throw new IllegalStateException("writer failed after the checkpoint");
        })).hasMessage("writer failed after the checkpoint");
        assertThat(checkpoints.get("test", partition).orElseThrow().value()).isEqualTo("100");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM runtime_test_data WHERE id = ?").param(partition + "-2")
                .query(Long.class).single()).isZero();

        assertThatThrownBy(() -> checkpoints.commit("test", partition, "300"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
        assertThat(checkpoints.get("test", partition).orElseThrow().value()).isEqualTo("100");
    }

    @Test
    void anAdminResetsACheckpointToADateOrAValueAndItIsAudited() {
        String partition = unique("manual part");
        String path = "/api/v1/connector/test/checkpoint/" + partition.replace(" ", "%20");
        var byDate = admin.put(path, Map.of("date", "2024-05-01"));
        assertThat(byDate.status()).as(byDate.toString()).isEqualTo(200);
        assertThat(byDate.json().get("value").asString()).isEqualTo(Long.toString(Instant.parse("2024-05-01T00:00:00Z").getEpochSecond()));
        assertThat(byDate.json().get("updatedBy").asString()).isEqualTo("admin:admin");

        var byMillis = admin.put(path, Map.of("date", 1_700_000_000_000L));
        assertThat(byMillis.json().get("value").asString()).isEqualTo("1700000000");
        var byValue = admin.put(path, Map.of("value", "cursor-42"));
        assertThat(byValue.json().get("value").asString()).isEqualTo("cursor-42");
        assertThat(checkpoints.get("test", partition).orElseThrow().value()).isEqualTo("cursor-42");

        var listed = admin.get("/api/v1/connector/test/checkpoint");
        assertThat(listed.body()).contains("\"partition\":\"" + partition + "\"", "cursor-42");

        var audit = admin.get("/api/v1/audit?entity=ConnectorCheckpoint&entityId=test/" + partition.replace(" ", "%20"));
        assertThat(audit.json().size()).isEqualTo(3);
        assertThat(audit.json().get(0).get("before").get("value").asString()).isEqualTo("1700000000");
        assertThat(audit.json().get(0).get("after").get("value").asString()).isEqualTo("cursor-42");

        assertThat(admin.put(path, Map.of("value", "x", "date", 1)).status()).isEqualTo(400);
        assertThat(admin.put(path, Map.of("date", "yesterday")).json().get("message").asString()).contains("2024-05-01");
        assertThat(admin.put(path, Map.of("cursor", "x")).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/connector/nope/checkpoint/p", Map.of("value", "x")).status()).isEqualTo(404);
        assertThat(newUser(unique("org"), "analyst").put(path, Map.of("value", "x")).status()).isEqualTo(403);
    }

    @Test
    void aResetIsRefusedWhileThePartitionIsBeingSynced() {
        String partition = unique("busy");
        Optional<PartitionLocks.Lease> held = connectorLocks.acquire(LockedPartitionScheduler.lockName("test", partition));
        assertThat(held).isPresent();
        try {
            var refused = admin.put("/api/v1/connector/test/checkpoint/" + partition, Map.of("value", "1"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("message").asString()).contains("is being synced right now");
        } finally {
            held.get().release();
        }
        assertThat(admin.put("/api/v1/connector/test/checkpoint/" + partition, Map.of("value", "1")).status()).isEqualTo(200);
    }

    private PartitionHealth partition(String name) {
        return connector.health().snapshot().partitions().stream().filter(p -> p.partition().equals(name)).findFirst().orElseThrow();
    }

    static void await(BooleanSupplier condition) {
        await("condition", condition);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " not met within 60 s");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
