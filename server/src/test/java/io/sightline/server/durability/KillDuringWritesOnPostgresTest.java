package io.sightline.server.durability;

import io.sightline.server.support.ChildHubStore;

/** On PostgreSQL: the embedded server lives in the test's JVM and survives the hub's kill. */
class KillDuringWritesOnPostgresTest extends KillDuringWritesContract {
    private final ChildHubStore store = ChildHubStore.postgres("kill-pg");

    @Override
    ChildHubStore store() {
        return store;
    }
}
