package io.sightline.integrations.stixify;

import java.time.Instant;
import java.util.List;

/**
 * How the sync of one dossier went.
 *
 * @param dossier the dossier
 * @param reportsListed reports listed as new (added after the cursor)
 * @param reportsDelivered reports the sink delivered
 * @param objectsDelivered objects handed to the sink for delivered reports
 * @param failures one line per failed report, or the listing failure; empty when all went well
 * @param cursorBefore the cursor the run started from (null for a first, full sync)
 * @param cursorAfter the cursor saved by this run, or {@code cursorBefore} when it did not move
 * @param setAside reports of this run that are set aside (newly, or listed again and skipped); they
 *        do not hold the cursor back and are not in {@code failures}
 */
public record DossierResult(Dossier dossier, int reportsListed, int reportsDelivered, long objectsDelivered,
        List<String> failures, Instant cursorBefore, Instant cursorAfter, List<ReportFailure> setAside) {

    public DossierResult {
        failures = List.copyOf(failures);
        setAside = List.copyOf(setAside);
    }

    public DossierResult(Dossier dossier, int reportsListed, int reportsDelivered, long objectsDelivered,
            List<String> failures, Instant cursorBefore, Instant cursorAfter) {
        this(dossier, reportsListed, reportsDelivered, objectsDelivered, failures, cursorBefore, cursorAfter, List.of());
    }

    /** One line per set-aside report, for work messages and logs. */
    public List<String> setAsideLines() {
        return setAside.stream().map(f -> "report " + f.reportId() + " (" + f.name() + ") set aside after " + f.failedRuns()
                + " failed runs: " + f.lastError()).toList();
    }

    /** Whether every listed report was delivered and the cursor advanced. */
    public boolean succeeded() {
        return failures.isEmpty();
    }
}
