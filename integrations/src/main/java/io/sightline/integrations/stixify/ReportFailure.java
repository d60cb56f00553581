package io.sightline.integrations.stixify;

import java.time.Instant;

/**
 * A report of a dossier whose delivery failed on one or more runs, as recorded in the sync state.
 * After {@link DossierSync#FAILED_RUNS_BEFORE_SET_ASIDE} failed runs the report is set aside: later
 * runs skip it and the dossier's cursor moves on; resetting the state retries it.
 *
 * @param reportId    the Stixify report id ({@code report--<uuid>})
 * @param name        the report's name, for people reading the state
 * @param failedRuns  runs on which its delivery failed
 * @param lastError   the last failure, one line, no secrets (exception class and message)
 * @param lastFailedAt when it last failed
 * @param setAside    whether it is skipped from now on
 */
public record ReportFailure(String reportId, String name, int failedRuns, String lastError, Instant lastFailedAt,
        boolean setAside) {

    /** This failure recorded once more; set aside once {@code limit} runs failed. */
    ReportFailure again(String error, Instant at, int limit) {
        int runs = failedRuns + 1;
        return new ReportFailure(reportId, name, runs, error, at, runs >= limit);
    }

    /** The first failure of a report. */
    static ReportFailure first(String reportId, String name, String error, Instant at, int limit) {
        return new ReportFailure(reportId, name, 0, null, null, false).again(error, at, limit);
    }
}
