package io.sightline.integrations.cortex;

import java.util.Optional;

/**
 * The state of one job as a poller sees it: from the batch status lookup, plus the report when
 * the job has ended with one.
 *
 * @param jobId       Cortex job id
 * @param state       current state (terminal ones never change again)
 * @param error       the detail of a batch {@code Error(...)} answer, else null
 * @param reportOrNull report of a Success/Failure job, else null
 */
public record JobCheck(String jobId, JobState state, String error, CortexJobReport reportOrNull) {

    public Optional<CortexJobReport> report() {
        return Optional.ofNullable(reportOrNull);
    }
}
