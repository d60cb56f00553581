package io.sightline.server.intel;

import java.util.List;

/**
 * A dossier of a source: the reports delivered from it (newest first, at most
 * {@link IntelReadService#DOSSIER_REPORTS}).
 */
public record IntelDossier(String source, String dossierId, String dossierName, List<IntelReport> reports) {
    public IntelDossier {
        reports = List.copyOf(reports);
    }

    /** The dossier's name, else its id. */
    public String title() {
        return dossierName != null && !dossierName.isBlank() ? dossierName : dossierId;
    }
}
