package io.sightline.integrations.opencti;

import io.sightline.integrations.stixify.SyncState;
import io.sightline.integrations.stixify.SyncStateStore;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sync state kept as the connector state in OpenCTI, in the original connector's document
 * format. A save first waits until OpenCTI holds every object delivered so far (so a cursor never
 * moves past an unconfirmed report), then goes to the platform at once with a ping, so a crash
 * right after cannot lose it.
 */
public final class OpenCtiStateStore implements SyncStateStore {
    private final ConnectorSession session;
    private final BundleDelivery delivery;

    public OpenCtiStateStore(ConnectorSession session, BundleDelivery delivery) {
        this.session = session;
        this.delivery = delivery;
    }

    @Override
    public SyncState load() {
        ObjectNode state = session.state();
        return state == null ? SyncState.empty() : SyncState.parse(state.toString());
    }

    @Override
    public void save(SyncState state) {
        delivery.awaitDelivered();
        session.saveState(state.toJsonNode());
    }
}
