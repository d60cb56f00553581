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
}
