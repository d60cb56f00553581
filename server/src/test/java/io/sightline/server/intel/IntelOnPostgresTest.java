package io.sightline.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.PostgresDatabase;
import io.sightline.testkit.stixify.GeneratedReportSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.node.ObjectNode;

@ContextConfiguration(initializers = PostgresDatabase.class)
class IntelOnPostgresTest extends IntelContract {

    /**
     * Two hubs sync two dossiers that share objects: the second one's insert waits for the first
     * one's transaction, then finds its rows (no unique-id failure), updates the objects it holds
     * newer versions of, and both reports list every object.
     */
    @Test
    void twoTransactionsStoringTheSameNewObjectsAtOnceBothSucceed() throws Exception {
        GeneratedReportSource generated = new GeneratedReportSource(1_200, new java.util.Random().nextInt(1_000_000), 0);
        List<ObjectNode> first = new ArrayList<>();
        generated.objects(0, generated.size()).forEachRemaining(first::add);
        List<ObjectNode> second = new ArrayList<>();
        for (ObjectNode o : first) second.add(o.deepCopy());
        // The second dossier holds a newer version of ten indicators (positions 3, 6, ... 30).
        for (int i = 3; i <= 30; i += 3) second.get(i).put("modified", "2026-02-01T00:00:00.000Z");

        CountDownLatch firstBatchWritten = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService hubs = Executors.newFixedThreadPool(2);
        try {
            String firstDossier = unique("dossier");
            String secondDossier = unique("dossier");
            Future<IngestResult> one = hubs.submit(() -> ingest.ingestReport("stixify", firstDossier, null,
                    generated.reportObjectId(), "first", pauseAfter(first.iterator(), IntelIngestService.BATCH_OBJECTS,
                            firstBatchWritten, release)));
            assertThat(firstBatchWritten.await(30, TimeUnit.SECONDS)).isTrue();
            Future<IngestResult> two = hubs.submit(() -> ingest.ingestReport("stixify", secondDossier, null,
                    generated.reportObjectId(), "second", second.iterator()));
            awaitABackendWaitingForALock();
            release.countDown();

            IngestResult firstResult = one.get(60, TimeUnit.SECONDS);
            IngestResult secondResult = two.get(60, TimeUnit.SECONDS);
            assertThat(firstResult.inserted() + firstResult.unchanged()).isEqualTo(1_200);
            assertThat(secondResult.updated()).isEqualTo(10);
            assertThat(secondResult.inserted() + secondResult.unchanged() + secondResult.updated()).isEqualTo(1_200);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_object_report l JOIN intel_report r ON r.id = l.report_ref"
                    + " WHERE r.dossier_id IN (?, ?)").params(firstDossier, secondDossier).query(Long.class).single())
                    .isEqualTo(2 * 1_200);
            assertThat(jdbc.sql("SELECT modified_at FROM intel_object WHERE stix_id = ?").param(generated.idAt(3))
                    .query(Long.class).single()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z").toEpochMilli());
            String lastIp = generated.object(1_197).get("name").asString();
            assertThat(admin.get("/api/v1/intel/lookup?dataType=ip&value=" + lastIp).json().get("seenInIntel"))
                    .filteredOn(s -> s.get("dossierId").asString().equals(secondDossier)).hasSize(2);
        } finally {
            release.countDown();
            hubs.shutdownNow();
        }
    }

    /** Waits until some transaction waits for a row lock: the second report's insert behind the first one's rows. */
    private void awaitABackendWaitingForALock() throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                .query(Long.class).single() == 0) {
            assertThat(Instant.now()).as("a transaction waiting for a lock").isBefore(end);
            Thread.sleep(20);
        }
    }

    /** Hands out {@code count} objects (a first batch is then written), signals, and waits for the release. */
    private static Iterator<ObjectNode> pauseAfter(Iterator<ObjectNode> objects, int count, CountDownLatch paused,
                                                   CountDownLatch release) {
        return new Iterator<>() {
            private int handed;

            @Override
            public boolean hasNext() {
                return objects.hasNext();
            }

            @Override
            public ObjectNode next() {
                if (handed++ == count) {
                    paused.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return objects.next();
            }
        };
    }
}
