package io.sightline.server.lifecycle;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.PostgresDatabase;
import io.sightline.server.support.TestApi;
import io.sightline.testkit.amqp.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub reaches PostgreSQL through a TCP relay that the test cuts: while the database is down,
 * every call is answered 503 {@code {type, message}} within seconds, and the hub recovers by
 * itself when the database is back.
 */
@ContextConfiguration(initializers = DatabaseOutagePostgresTest.ThroughProxy.class)
class DatabaseOutagePostgresTest extends HubTest {
    static TcpProxy proxy;

    static class ThroughProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String direct = PostgresDatabase.newDatabase();
            URI uri = URI.create(direct.substring("jdbc:".length()));
            try {
                proxy = new TcpProxy(uri.getHost(), uri.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String viaProxy = direct.replace(":" + uri.getPort() + "/", ":" + proxy.port() + "/");
            TestPropertyValues.of("spring.datasource.url=" + viaProxy, "spring.datasource.username=postgres",
                    "spring.datasource.password=", "sightline.data-dir=target/test-data/outage").applyTo(context);
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void databaseBack() {
        proxy.refuseNewConnections(false);
    }

    @Test
    void anUnreachableDatabaseIsA503WithinSecondsAndTheHubRecovers() {
        TestApi analyst = newUser(unique("outage"), "analyst");
        String caseId = createCase(analyst, "before the outage");
        TestApi unknownKey = TestApi.withKey(port, "sl_not_a_key_checked_against_the_database");

        proxy.refuseNewConnections(true);
        proxy.cutConnections();

        for (TestApi client : new TestApi[] {analyst, unknownKey}) {
            long start = System.nanoTime();
            var r = client.get("/api/v1/case/" + caseId);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("Outage answer after " + millis + " ms: " + r);
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.json().get("type").asString()).isEqualTo("ServiceUnavailable");
            assertThat(r.json().get("message").asString()).contains("database");
            assertThat(millis).as("answered after %d ms", millis).isLessThan(8_000);
        }

        proxy.refuseNewConnections(false);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> analyst.get("/api/v1/case/" + caseId).status() == 200);
        assertThat(unknownKey.get("/api/v1/case/" + caseId).status()).isEqualTo(401);
    }

    /** A partition: open connections go silent (nothing answers, nothing is closed), new ones fail. */
    @Test
    void aSilentDatabaseIsA503WithinSecondsAndTheHubRecovers() throws InterruptedException {
        TestApi analyst = newUser(unique("partition"), "analyst");
        String caseId = createCase(analyst, "before the partition");
        Thread.sleep(1_000); // the pooled connections are idle, as between calls

        proxy.refuseNewConnections(true);
        proxy.silenceConnections();
        long start = System.nanoTime();
        var r = analyst.get("/api/v1/case/" + caseId);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Partition answer after " + millis + " ms: " + r);
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().get("type").asString()).isEqualTo("ServiceUnavailable");
        assertThat(millis).as("answered after %d ms", millis).isLessThan(8_000);

        proxy.refuseNewConnections(false);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> analyst.get("/api/v1/case/" + caseId).status() == 200);
    }

    @Test
    void aListCutShortByAnOutageIsNotPassedOffAsComplete() throws Exception {
        TestApi analyst = newUser(unique("cut"), "analyst");
        long caseId = Long.parseLong(createCase(analyst, "many observables").substring(1));
        jdbc.update("INSERT INTO observable (org_id, case_id, data_type, data, data_key, tlp, pap, start_date, created_by, created_at)"
                + " SELECT c.org_id, c.id, 'domain', 'host-' || g || '.example.org', 'key-' || g, 2, 2, 0, 'seed', 0"
                + " FROM case_record c CROSS JOIN generate_series(1, 60000) g WHERE c.id = ?", caseId);
        var response = java.net.http.HttpClient.newHttpClient().send(analyst.builder("/api/v1/query")
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"query\":[{\"_name\":\"listObservable\"}]}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var body = response.body()) {
            byte[] start = body.readNBytes(64 * 1024);
            assertThat(start.length).isEqualTo(64 * 1024);
            proxy.refuseNewConnections(true);
            proxy.cutConnections();
            String all = new String(start, java.nio.charset.StandardCharsets.UTF_8);
            try {
                all += new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException cut) {
                System.out.println("Cut list: connection ended abruptly: " + cut);
                return;
            }
            String received = all;
            System.out.println("Cut list: " + received.length() + " characters received, ending " + received.substring(received.length() - 40));
            assertThat(received.length()).as("the whole list is far longer").isLessThan(60000 * 200);
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> TestApi.JSON.readTree(received),
                    "a list cut short must not parse as a complete JSON array");
        }
    }
}
