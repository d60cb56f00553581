package io.sightline.server.connectors.misp.importing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writing side of the {@link ImportPipeline}: one transaction per call creates or updates the
 * alerts of the events starting in it, writes all their observables, completes the events ending
 * in it (removing what MISP deleted) and commits the checkpoint the pipeline allows it. Thread-safe:
 * the pipeline's writer threads write different events.
 */
final class ImportWriter implements ImportPipeline.Writer {

    /** What the writer needs from its server run. */
    interface Run {
        MispImportStore store();

        String serverName();

        String actor();

        List<Long> organisations();

        long now();

        /** Runs the work in one transaction. */
        void inTransaction(Runnable work);

        /** Stores the checkpoint; called inside the transaction of the data it covers. */
        void commitCheckpoint(String value);

        void count(String counter, long n);
    }

    private final Run run;

    ImportWriter(Run run) {
        this.run = run;
    }

    /** Creates or updates, together, the alerts of the events whose first chunk is in this transaction. */
    private void createAlerts(List<ImportPipeline.Item> items, Map<ImportingEvent, List<MispImportStore.AlertTarget>> created,
                              long now) {
        List<ImportingEvent> starting = new ArrayList<>();
        for (ImportPipeline.Item item : items) {
            if (item instanceof ImportPipeline.Chunk chunk && chunk.event().targets == null) starting.add(chunk.event());
        }
        if (starting.isEmpty()) return;
        List<List<MispImportStore.AlertTarget>> targets = run.store().upsertAlerts(
                starting.stream().map(e -> e.alert).toList(), starting.stream().map(e -> e.known).toList(),
                run.organisations(), run.serverName(), run.actor(), now);
        for (int i = 0; i < starting.size(); i++) created.put(starting.get(i), targets.get(i));
    }

    @Override
    public void commitCheckpoint(String value) {
        run.inTransaction(() -> run.commitCheckpoint(value));
    }

    @Override
    public void write(List<ImportPipeline.Item> items, String checkpoint) {
        long now = run.now();
        MispImportStore store = run.store();
        // alerts created in this transaction become the events' targets only once it committed
        Map<ImportingEvent, List<MispImportStore.AlertTarget>> created = new IdentityHashMap<>();
        long[] removed = {0};
        run.inTransaction(() -> {
            created.clear();
            removed[0] = 0;
            createAlerts(items, created, now);
            List<MispImportStore.AlertRows> rows = new ArrayList<>();
            List<MispImportStore.Finished> finished = new ArrayList<>();
            for (ImportPipeline.Item item : items) {
                if (item instanceof ImportPipeline.Chunk chunk) {
                    ImportingEvent event = chunk.event();
                    List<MispImportStore.AlertTarget> targets = event.targets != null ? event.targets : created.get(event);
                    for (MispImportStore.AlertTarget t : targets) {
                        // a new alert has no observables before its first chunk: nothing to merge with
                        boolean fresh = t.created() && event.chunksWritten == 0;
                        rows.add(new MispImportStore.AlertRows(t, event.mark, fresh, chunk.observables()));
                        if (chunk.last()) {
                            finished.add(new MispImportStore.Finished(t, event.mark, event.alert.eventModified().getEpochSecond()));
                        }
                    }
                }
            }
            store.writeObservables(rows, run.actor(), now);
            removed[0] = store.finishEvents(finished, now);
            if (checkpoint != null) run.commitCheckpoint(checkpoint);
        });
        created.forEach((event, targets) -> event.targets = targets);
        long written = 0;
        boolean completed = false;
        for (ImportPipeline.Item item : items) {
            if (item instanceof ImportPipeline.Chunk chunk) {
                ImportingEvent event = chunk.event();
                event.chunksWritten++;
                written += chunk.observables().size();
                if (chunk.last()) {
                    run.count(event.known ? "eventsUpdated" : "eventsImported", 1);
                    completed = true;
                }
            }
        }
        run.count("observablesWritten", written);
        if (completed) run.count("observablesRemoved", removed[0]);
    }
}
