package io.sightline.server.connectors.stixify;

import io.sightline.integrations.stixify.StixifyTimestamps;
import io.sightline.integrations.stixify.SyncState;
import io.sightline.integrations.stixify.SyncStateStore;
import io.sightline.server.connectors.ConnectorContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The sync state of one dossier kept as the hub checkpoint of the dossier's partition: the value is
 * the dossier's {@code last_run_at} in the original connector's format
 * ({@code 2026-02-18T15:24:00.123456+00:00}), so the checkpoint API shows and resets exactly the
 * cursor sent to Stixify as {@code added_after}. An empty value means a full sync.
 *
 * <p>{@link #save} first runs {@code beforeSave} (with an OpenCTI target: wait until OpenCTI holds
 * every object published so far), then commits the checkpoint in its own transaction. The sync
 * calls it only after every report of the dossier was stored (each in its own committed
 * transaction), so the checkpoint never runs ahead of the intel store.
 */
final class DossierCheckpointStore implements SyncStateStore {
    private final ConnectorContext context;
    private final String dossierId;
    private final Runnable beforeSave;

    DossierCheckpointStore(ConnectorContext context, String dossierId, Runnable beforeSave) {
        this.context = context;
        this.dossierId = dossierId;
        this.beforeSave = beforeSave;
    }

    @Override
    public SyncState load() {
        Optional<String> value = context.checkpoint(dossierId).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) return SyncState.empty();
        Instant cursor;
        try {
            cursor = StixifyTimestamps.parse(value.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint of dossier " + dossierId + " ('" + value.get()
                    + "') is not a timestamp; reset it with a date", e);
        }
        return SyncState.empty().withCursor(dossierId, cursor);
    }

    @Override
    public void save(SyncState state) {
        Instant cursor = state.cursor(dossierId)
                .orElseThrow(() -> new IllegalArgumentException("the state holds no cursor for dossier " + dossierId));
        beforeSave.run();
        String value = StixifyTimestamps.format(cursor);
        context.transactions().executeWithoutResult(tx -> context.commitCheckpoint(dossierId, value));
    }
}
