package io.sightline.server.connectors.misp.exporting;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.MergedCaseHandover;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A merged case keeps the MISP events its originals were exported as, one per server (the first
 * original's where two were exported to the same server), so that exporting it updates that event
 * instead of creating another. An event no case keeps stays in MISP as it was last exported.
 */
@Component
class MispExportHandover implements MergedCaseHandover {
    private final MispExportStore store;

    MispExportHandover(MispExportStore store) {
        this.store = store;
    }

    @Override
    public void handOver(Principal p, List<Long> originalIds, long mergedId) {
        store.handOver(originalIds, mergedId);
    }
}
