package io.sightline.server.connectors.misp;

import io.sightline.server.support.ChildHubStore;

class MispKillOnH2Test extends MispKillContract {
    private final ChildHubStore store = ChildHubStore.h2("misp-kill-h2");

    @Override
    ChildHubStore store() {
        return store;
    }
}
