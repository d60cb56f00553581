package io.sightline.server.intel;

/**
 * A report of a dossier as the intel store holds it.
 *
 * @param ref the report's row in the store, the id of its page
 * @param objectCount objects the report held when last delivered
 * @param ingestedAt when it was last delivered, epoch milliseconds
 */
public record IntelReport(long ref, String source, String dossierId, String dossierName, String reportId, String reportName,
                          int objectCount, long ingestedAt) {

    /** The report's name, else its id. */
    public String title() {
        return reportName != null && !reportName.isBlank() ? reportName : reportId;
    }
}
