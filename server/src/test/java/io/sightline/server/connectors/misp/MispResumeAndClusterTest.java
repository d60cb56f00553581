package io.sightline.server.connectors.misp;

import io.sightline.server.SightlineApplication;
import io.sightline.server.support.PostgresDatabase;
import io.sightline.testkit.misp.MispEmulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hubs on one PostgreSQL database: a hub closed in the middle of importing an event resumes
 * with neither gap nor duplicate (the Spring context is closed while the event's batches are
 * being written, which stops the import between two batches, as a shutdown does), and two hubs
 * syncing the same MISP server never import one event twice.
 */
class MispResumeAndClusterTest {
    /** A generated event of N attributes yields N + N/8 observables (every 8th is ip-dst|port: ip + port). */
    static final int BIG = 24_000;
    static final int BIG_OBSERVABLES = BIG + BIG / 8;

    static final MispTesting.Misp MISP = new MispTesting.Misp(MispEmulator.Options.defaults());

    @AfterAll
    static void stopMisp() {
        MISP.emulator.close();
    }

    @Test
    void hubClosedInTheMiddleOfAnEventResumesWithNeitherGapNorDuplicate() {
        String url = PostgresDatabase.newDatabase();
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        MispTesting.Misp misp = new MispTesting.Misp(MispEmulator.Options.defaults().orgName("RESUME"));
        try {
            String before = misp.addEvent(UUID.randomUUID().toString(), "before", List.of(),
                    MispTesting.attribute("domain", "Network activity", "before.example.org", true));
            String big = misp.emulator.store().addGenerated("big", BIG, misp.tick(), List.of("tlp:green"));
            String after = misp.addEvent(UUID.randomUUID().toString(), "after", List.of(),
                    MispTesting.attribute("domain", "Network activity", "after.example.org", true));

            ConfigurableApplicationContext first = hub(url, misp.emulator, 100);
            MispTesting.await("part of the big event written", () -> observables(db, big) > 0);
            first.close();
            long partial = observables(db, big);
            assertThat(partial).as("the first hub stopped in the middle of the event").isBetween(1L, (long) BIG_OBSERVABLES - 1);
            assertThat(count(db, after)).isZero();

            ConfigurableApplicationContext second = hub(url, misp.emulator, 1000);
            try {
                MispTesting.await("every event imported", () -> count(db, after) == 1);
                assertThat(count(db, before)).isEqualTo(1);
                assertThat(count(db, big)).isEqualTo(1);
                assertThat(observables(db, big)).isEqualTo(BIG_OBSERVABLES);
                assertThat(db.sql("SELECT checkpoint_value FROM connector_checkpoint WHERE connector = 'misp'")
                        .query(String.class).single()).isEqualTo(Long.toString(misp.clock.get()));
            } finally {
                second.close();
            }
        } finally {
            misp.emulator.close();
        }
    }

    @Test
    void twoHubsOnOneDatabaseNeverImportTheSameEventTwice() throws Exception {
        String url = PostgresDatabase.newDatabase();
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        int events = 40;
        for (int i = 0; i < events; i++) {
            MISP.emulator.store().addGenerated("cluster " + i, 300, MISP.tick(), List.of());
        }
        ConfigurableApplicationContext a = hub(url, MISP.emulator, 1000);
        ConfigurableApplicationContext b = hub(url, MISP.emulator, 1000);
        try {
            MispConnector ca = a.getBean(MispConnector.class);
            MispConnector cb = b.getBean(MispConnector.class);
            for (int round = 0; round < 3; round++) {
                CompletableFuture.allOf(CompletableFuture.runAsync(ca::syncNow), CompletableFuture.runAsync(cb::syncNow)).get();
                MispTesting.await("both hubs idle", () -> !ca.syncInProgress() && !cb.syncInProgress());
            }
            MispTesting.await("all events imported", () -> db.sql("SELECT COUNT(*) FROM alert").query(Long.class).single() == events);
            MispTesting.await("both hubs idle", () -> !ca.syncInProgress() && !cb.syncInProgress());
            assertThat(db.sql("SELECT COUNT(*) FROM alert").query(Long.class).single()).isEqualTo(events);
            assertThat(MISP.emulator.eventsServed()).as("each event fetched by one hub, once").isEqualTo(events);
            assertThat(db.sql("SELECT COUNT(*) FROM observable").query(Long.class).single()).isEqualTo((long) events * (300 + 37));
        } finally {
            a.close();
            b.close();
        }
    }

    private static long observables(JdbcClient db, String eventId) {
        return db.sql("SELECT COUNT(*) FROM observable o JOIN alert a ON a.id = o.alert_id WHERE a.source_ref = ?")
                .param(eventId).query(Long.class).single();
    }

    private static long count(JdbcClient db, String eventId) {
        return db.sql("SELECT COUNT(*) FROM alert WHERE source_ref = ?").param(eventId).query(Long.class).single();
    }

    private static ConfigurableApplicationContext hub(String url, MispEmulator misp, int batchSize) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        p.put("sightline.data-dir", "target/test-data/resume-" + UUID.randomUUID());
        p.put("sightline.admin.api-key", "sl_test_admin_key_0123456789");
        p.put("misp.batchSize", String.valueOf(batchSize));
        p.put("misp.servers[0].name", "local");
        p.put("misp.servers[0].url", misp.baseUrl());
        p.put("misp.servers[0].auth.key", misp.apiKey());
        // as command-line arguments: they win over application.yml, as they do for a real hub
        return new SpringApplicationBuilder(SightlineApplication.class)
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
