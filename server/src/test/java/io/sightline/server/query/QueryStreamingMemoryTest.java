package io.sightline.server.query;

import io.sightline.server.SightlineApplication;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.PostgresDatabase;
import io.sightline.server.support.TestApi;
import java.io.File;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub with a 256 MB heap lists 200,000 observables in one unpaged query: the answer is streamed
 * chunk by chunk, so the heap holds one chunk at a time, not the whole list.
 */
class QueryStreamingMemoryTest {
    private static final int ROWS = 200_000;

    @Test
    void twoHundredThousandRowsStreamThroughA256MbHeap() throws Exception {
        String url = PostgresDatabase.newDatabase();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = new File("target/streaming-memory-hub.log");
        Process hub = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SightlineApplication.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--sightline.data-dir=target/test-data/memory",
                "--sightline.admin.api-key=" + HubTest.ADMIN_KEY, "--sightline.admin.password=" + HubTest.ADMIN_PASSWORD)
                .redirectErrorStream(true).redirectOutput(log).start();
        try {
            TestApi admin = TestApi.withKey(port, HubTest.ADMIN_KEY);
            long deadline = System.currentTimeMillis() + 120_000;
            while (!up(admin)) {
                assertThat(hub.isAlive()).as("hub started, see " + log).isTrue();
                assertThat(System.currentTimeMillis()).as("hub start-up").isLessThan(deadline);
                Thread.sleep(500);
            }
            assertThat(admin.post("/api/v1/organisation", Map.of("name", "memory", "description", "m")).status()).isEqualTo(201);
            assertThat(admin.post("/api/v1/user", Map.of("login", "reader@memory", "name", "r", "profile", "analyst",
                    "organisation", "memory")).status()).isEqualTo(201);
            TestApi reader = TestApi.withKey(port, admin.post("/api/v1/user/reader@memory/keys", Map.of()).json().get("key").asString());
            String caseId = reader.post("/api/v1/case", Map.of("title", "many", "description", "d")).json().get("_id").asString();
            seed(url, Long.parseLong(caseId.substring(1)));

            long start = System.nanoTime();
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(reader.builder("/api/v1/query")
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":[{\"_name\":\"listObservable\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            long objects = 0;
            long bytes = 0;
            try (var parser = TestApi.JSON.createParser(r.body())) {
                int depth = 0;
                for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token.isStructStart()) {
                        if (++depth == 2) objects++;
                    } else if (token.isStructEnd()) {
                        depth--;
                    }
                }
                bytes = parser.currentLocation().getByteOffset();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Streamed %d observables (%d MB) in %d ms through a 256 MB heap%n", objects, bytes >> 20, millis);
            assertThat(objects).isEqualTo(ROWS);
            assertThat(hub.isAlive()).isTrue();
            assertThat(java.nio.file.Files.readString(log.toPath(), StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
        } finally {
            hub.destroy();
            hub.waitFor();
        }
    }

    private static boolean up(TestApi admin) {
        try {
            return admin.get("/api/v1/status").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void seed(String url, long caseId) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long orgId;
            try (var rs = c.createStatement().executeQuery("SELECT org_id FROM case_record WHERE id = " + caseId)) {
                rs.next();
                orgId = rs.getLong(1);
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO observable (org_id, case_id, data_type, data, data_key, tlp, pap,"
                    + " start_date, created_by, created_at) VALUES (?, ?, 'domain', ?, ?, 2, 2, 0, 'seed', 0)")) {
                for (int i = 0; i < ROWS; i++) {
                    insert.setLong(1, orgId);
                    insert.setLong(2, caseId);
                    insert.setString(3, "host-" + i + ".example.org");
                    insert.setString(4, "key-" + i);
                    insert.addBatch();
                    if (i % 5000 == 4999) insert.executeBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }
}
