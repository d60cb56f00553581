package io.sightline.integrations.stixify;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link SyncStateStore} in memory, for tests and one-shot runs. Thread-safe. */
public final class InMemorySyncStateStore implements SyncStateStore {
    private final AtomicReference<SyncState> state;
    private final AtomicInteger saves = new AtomicInteger();

    public InMemorySyncStateStore() {
        this(SyncState.empty());
    }

    public InMemorySyncStateStore(SyncState initial) {
        this.state = new AtomicReference<>(initial);
    }

    @Override
    public SyncState load() {
        return state.get();
    }

    @Override
    public void save(SyncState newState) {
        state.set(newState);
        saves.incrementAndGet();
    }

    /** Number of saves so far. */
    public int saveCount() {
        return saves.get();
    }
}
