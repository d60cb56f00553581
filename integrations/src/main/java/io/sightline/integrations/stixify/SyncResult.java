package io.sightline.integrations.stixify;

import java.util.List;

/**
 * The outcome of one {@link DossierSync#runOnce()}.
 *
 * @param dossiers one result per configured dossier that Stixify listed
 * @param invisibleDossierIds configured ids that the API key cannot see (warned about, skipped)
 */
public record SyncResult(List<DossierResult> dossiers, List<String> invisibleDossierIds) {

    public SyncResult {
        dossiers = List.copyOf(dossiers);
        invisibleDossierIds = List.copyOf(invisibleDossierIds);
    }

    /** Whether every dossier synced completely. */
    public boolean succeeded() {
        return dossiers.stream().allMatch(DossierResult::succeeded);
    }

    public int reportsDelivered() {
        return dossiers.stream().mapToInt(DossierResult::reportsDelivered).sum();
    }

    public long objectsDelivered() {
        return dossiers.stream().mapToLong(DossierResult::objectsDelivered).sum();
    }
}
