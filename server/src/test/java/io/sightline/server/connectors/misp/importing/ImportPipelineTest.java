package io.sightline.server.connectors.misp.importing;

import io.sightline.integrations.misp.mapping.MispAlertDraft;

import io.sightline.server.observables.ImportedObservable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader/writer hand-over of the import: order kept, small events share a transaction, a
 * failure on either side ends both without losing what came before it.
 */
class ImportPipelineTest {
    private static final MispAlertDraft ALERT = new MispAlertDraft("misp", "ORG", "1", "u1", "t", "d", 2, null,
            Instant.EPOCH, Instant.EPOCH, List.of(), 2, 2, null);

    private static ImportingEvent event() {
        return new ImportingEvent(ALERT, 1, false);
    }

    private static ImportPipeline.Chunk chunk(ImportingEvent event, int observables, boolean last, String checkpoint) {
        List<ImportedObservable> rows = IntStream.range(0, observables).mapToObj(i -> new ImportedObservable("domain",
                "d" + i + ".example", "k" + i, null, "", 2, true, 0, List.of())).toList();
        return new ImportPipeline.Chunk(event, rows, last, checkpoint);
    }

    @Test
    void itemsAreWrittenInOrderSmallEventsTogetherButNeverTwoChunksOfOneEvent() throws Exception {
        List<List<ImportPipeline.Item>> writes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWrite = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ImportPipeline pipeline = new ImportPipeline("test-writer", 10, 1, () -> false, writer((items, checkpoint) -> {
            writes.add(items);
            firstWrite.countDown();
            await(release);
        }));
        ImportingEvent big = event();
        List<ImportPipeline.Item> put = new ArrayList<>();
        put.add(chunk(event(), 3, true, "1"));               // taken alone while the queue is empty
        put.add(chunk(event(), 4, true, "2"));               // these queue up behind the busy writer
        put.add(new ImportPipeline.Checkpoint("3"));
        put.add(chunk(event(), 4, true, "4"));
        put.add(chunk(big, 5, false, null));                  // would exceed the batch of 10
        put.add(chunk(big, 2, true, "5"));                    // same event: next transaction
        pipeline.put(put.get(0));
        assertThat(firstWrite.await(5, TimeUnit.SECONDS)).isTrue();
        for (ImportPipeline.Item item : put.subList(1, put.size())) pipeline.put(item);
        release.countDown();
        pipeline.finish();

        assertThat(writes).extracting(List::size).containsExactly(1, 3, 1, 1);
        assertThat(writes.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(put);
    }

    @Test
    void aWriterFailureReachesTheReader() {
        IllegalStateException broken = new IllegalStateException("database gone");
        ImportPipeline pipeline = new ImportPipeline("test-writer", 10, 2, () -> false, writer((items, checkpoint) -> {
            throw broken;
        }));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) pipeline.put(chunk(event(), 1, true, Integer.toString(i)));
            pipeline.finish();
        }).isSameAs(broken);
        pipeline.close();
    }

    @Test
    void afterAReaderFailureWhatWasHandedOverIsStillWritten() {
        List<ImportPipeline.Item> written = Collections.synchronizedList(new ArrayList<>());
        ImportPipeline pipeline = new ImportPipeline("test-writer", 10, 1, () -> false,
                writer((items, checkpoint) -> written.addAll(items)));
        List<ImportPipeline.Item> put = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ImportPipeline.Item item = chunk(event(), 2, true, Integer.toString(i));
            put.add(item);
            pipeline.put(item);
        }
        pipeline.close(); // the reader failed here: no finish

        assertThat(written).containsExactlyElementsOf(put);
    }

    @Test
    void aShutdownStopsTheWriterBeforeItsNextTransaction() {
        AtomicBoolean stopping = new AtomicBoolean();
        List<ImportPipeline.Item> written = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ImportPipeline pipeline = new ImportPipeline("test-writer", 1, 1, stopping::get, writer((items, checkpoint) -> {
            written.addAll(items);
            writing.countDown();
            await(release);
        }));
        pipeline.put(chunk(event(), 1, true, "1"));
        await(writing);
        pipeline.put(chunk(event(), 1, true, "2"));
        stopping.set(true);
        release.countDown();

        assertThatThrownBy(pipeline::finish).isInstanceOf(EventReader.Stopped.class);
        assertThat(written).hasSize(1);
    }

    @Test
    void withTwoWritersTheCheckpointWaitsForEveryEarlierTransaction() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch secondDone = new CountDownLatch(1);
        ImportPipeline.Chunk slow = chunk(event(), 1, true, "1");
        ImportPipeline.Chunk fast = chunk(event(), 1, true, "2");
        ImportPipeline.Chunk later = chunk(event(), 1, true, "3");
        ImportPipeline pipeline = new ImportPipeline("test-writer", 1, 2, () -> false, new ImportPipeline.Writer() {
            @Override
            public void write(List<ImportPipeline.Item> items, String checkpoint) {
                ImportPipeline.Item item = items.get(0);
                if (item == slow) await(secondDone); // the first transaction ends after the second
                log.add("write " + (item == slow ? 1 : item == fast ? 2 : 3) + (checkpoint == null ? "" : " with checkpoint " + checkpoint));
                if (item == fast) secondDone.countDown();
            }

            @Override
            public void commitCheckpoint(String value) {
                log.add("checkpoint " + value);
            }
        });
        pipeline.put(slow);
        pipeline.put(fast);
        pipeline.put(later);
        pipeline.finish();

        // a checkpoint appears only once its transaction and every one before it are written
        java.util.Set<Integer> written = new java.util.HashSet<>();
        int lastCheckpoint = 0;
        for (String entry : log) {
            if (entry.startsWith("write ")) written.add(entry.charAt(6) - '0');
            if (entry.matches(".*checkpoint \\d")) {
                int checkpoint = entry.charAt(entry.length() - 1) - '0';
                assertThat(checkpoint).as("checkpoints only move forward: " + log).isGreaterThan(lastCheckpoint);
                for (int tx = 1; tx <= checkpoint; tx++) assertThat(written).as(entry + " in " + log).contains(tx);
                lastCheckpoint = checkpoint;
            }
        }
        assertThat(lastCheckpoint).as(log.toString()).isEqualTo(3);
        assertThat(log).as("the second transaction ended first").contains("write 2").doesNotContain("write 2 with checkpoint 2");
    }

    @Test
    void theChunksOfOneEventAreWrittenInTurnEvenWithTwoWriters() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        ImportingEvent big = event();
        ImportPipeline.Chunk first = chunk(big, 1, false, null);
        ImportPipeline.Chunk second = chunk(big, 1, true, "1");
        ImportPipeline pipeline = new ImportPipeline("test-writer", 1, 2, () -> false, writer((items, checkpoint) -> {
            if (items.get(0) == first) {
                sleep(300); // the other writer is free meanwhile
                log.add("first written");
            } else {
                log.add("second starts");
            }
        }));
        pipeline.put(first);
        pipeline.put(second);
        pipeline.finish();

        assertThat(log).containsExactly("first written", "second starts");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A writer whose checkpoints alone are of no interest. */
    private static ImportPipeline.Writer writer(java.util.function.BiConsumer<List<ImportPipeline.Item>, String> write) {
        return new ImportPipeline.Writer() {
            @Override
            public void write(List<ImportPipeline.Item> items, String checkpoint) {
                write.accept(items, checkpoint);
            }

            @Override
            public void commitCheckpoint(String value) {
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new AssertionError("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
