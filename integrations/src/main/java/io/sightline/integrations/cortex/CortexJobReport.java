package io.sightline.integrations.cortex;

import java.util.Optional;

/**
 * A job with its report, as {@code /api/job/{id}/report} and {@code /waitreport} answer. While
 * the job runs (or once deleted) Cortex sends a bare string instead of a report; then
 * {@link #report()} is empty and {@link CortexJob#status()} says where the job is.
 */
public record CortexJobReport(CortexJob job, CortexReport reportOrNull) {

    public Optional<CortexReport> report() {
        return Optional.ofNullable(reportOrNull);
    }

    public JobState status() {
        return job.status();
    }
}
