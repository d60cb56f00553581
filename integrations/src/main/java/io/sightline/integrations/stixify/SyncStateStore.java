package io.sightline.integrations.stixify;

/**
 * Persistence of the sync state. The standalone connector keeps it in OpenCTI (the connector
 * state, sent with a ping right after each change), the hub in its checkpoint table.
 * {@link #save} must return only once the state is durable: {@link DossierSync} saves right after a
 * dossier's cursor moves, not at the end of the run, so a crash loses at most the dossier in flight.
 */
public interface SyncStateStore {

    /** The current state ({@link SyncState#empty()} when none was ever saved or it was reset). */
    SyncState load();

    /** Stores the state durably. */
    void save(SyncState state);
}
