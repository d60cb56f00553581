package io.sightline.server.durability;

import io.sightline.server.support.ChildHubStore;

/** On H2 with a URL as a user would write it: without WRITE_DELAY, which the hub then sets. */
class KillDuringWritesOnH2Test extends KillDuringWritesContract {
    private final ChildHubStore store = ChildHubStore.h2WithPlainUrl("kill-h2");

    @Override
    ChildHubStore store() {
        return store;
    }
}
