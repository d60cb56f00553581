package io.sightline.server.connectors.stixify;

import io.sightline.integrations.stixify.ReportFailure;
import io.sightline.integrations.stixify.StixifyTimestamps;
import io.sightline.integrations.stixify.SyncState;
import io.sightline.integrations.stixify.SyncStateStore;
import io.sightline.server.connectors.spi.Checkpoint;
import io.sightline.server.connectors.spi.ConnectorContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sync state of one dossier kept as the hub checkpoint of the dossier's partition. Normally the
 * value is the dossier's {@code last_run_at} in the original connector's format
 * ({@code 2026-02-18T15:24:00.123456+00:00}), so the checkpoint API shows and resets exactly the
 * cursor sent to Stixify as {@code added_after}; an empty value means a full sync. While reports of
 * the dossier are failing, the value is the dossier's entry of the connector state instead,
 * {@code {"last_run_at": "...", "failed_reports": {"<report id>": {"failed_runs": 2, ...}}}}, so the
 * failure counts (and the reports set aside after 3 failed runs) survive a restart and go with the
 * cursor: resetting the checkpoint to a date forgets them, and the next run retries those reports.
 *
 * <p>{@link #save} first runs {@code beforeSave} (with an OpenCTI target: wait until OpenCTI holds
 * every object published so far), then commits the checkpoint in its own transaction. The sync
 * calls it only after every report of the dossier was stored (each in its own committed
 * transaction), so the checkpoint never runs ahead of the intel store.
 */
final class DossierCheckpointStore implements SyncStateStore {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** The checkpoint column's size. */
    static final int MAX_VALUE = Checkpoint.MAX_VALUE_LENGTH;
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
        return parse(dossierId, context.checkpoint(dossierId));
    }

    /** The failed and set-aside reports recorded in a dossier's checkpoint (empty when there are none). */
    static Collection<ReportFailure> failures(String dossierId, Optional<String> checkpoint) {
        try {
            return parse(dossierId, checkpoint).reportFailures(dossierId).values();
        } catch (IllegalStateException e) {
            return List.of();
        }
    }

    private static SyncState parse(String dossierId, Optional<String> checkpoint) {
        Optional<String> value = checkpoint.map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) return SyncState.empty();
        if (value.get().startsWith("{")) {
            try {
                ObjectNode document = JSON.createObjectNode();
                document.putObject("dossiers").set(dossierId, JSON.readTree(value.get()));
                return SyncState.parse(document.toString());
            } catch (RuntimeException e) {
                throw new IllegalStateException("the checkpoint of dossier " + dossierId
                        + " is neither a timestamp nor the dossier's state; reset it with a date", e);
            }
        }
        Instant cursor;
        try {
            cursor = StixifyTimestamps.parse(value.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint of dossier " + dossierId + " ('" + value.get()
                    + "') is not a timestamp; reset it with a date", e);
        }
        return SyncState.empty().withCursor(dossierId, cursor);
    }

    /**
     * The dossier's entry within the checkpoint column's 4000 characters: errors are shortened, then
     * dropped; as a last resort the reports failing least often are forgotten (they count again from 0).
     */
    static String fitted(ObjectNode entry) {
        ObjectNode failed = (ObjectNode) entry.get("failed_reports");
        if (entry.toString().length() <= MAX_VALUE) return entry.toString();
        failed.forEach(f -> {
            String error = f.path("last_error").asString("");
            if (error.length() > 160) ((ObjectNode) f).put("last_error", error.substring(0, 160) + "...");
        });
        if (entry.toString().length() <= MAX_VALUE) return entry.toString();
        failed.forEach(f -> ((ObjectNode) f).remove("last_error"));
        List<String> byRuns = new java.util.ArrayList<>(failed.propertyNames());
        byRuns.sort(java.util.Comparator.comparingInt((String id) -> failed.get(id).path("failed_runs").asInt()));
        for (String id : byRuns) {
            if (entry.toString().length() <= MAX_VALUE) break;
            failed.remove(id);
        }
        return entry.toString();
    }

    @Override
    public void save(SyncState state) {
        JsonNode entry = state.toJsonNode().path("dossiers").path(dossierId);
        String value;
        if (entry.path("failed_reports").isObject() && !entry.path("failed_reports").isEmpty()) {
            value = fitted((ObjectNode) entry.deepCopy());
        } else {
            Instant cursor = state.cursor(dossierId)
                    .orElseThrow(() -> new IllegalArgumentException("the state holds no cursor for dossier " + dossierId));
            value = StixifyTimestamps.format(cursor);
        }
        beforeSave.run();
        context.transactions().executeWithoutResult(tx -> context.commitCheckpoint(dossierId, value));
    }
}
