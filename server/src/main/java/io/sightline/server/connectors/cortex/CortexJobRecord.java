package io.sightline.server.connectors.cortex;

/**
 * One persisted analyzer run; what the API and the UI render of a job.
 *
 * @param analyzerRef   what the caller asked for (analyzer id or name), resolved again on each submission
 * @param analyzerId    Cortex's worker id once known
 * @param analyzerName  e.g. {@code VirusTotal_GetReport_3_1}; the key of the observable's {@code reports}
 * @param status        TheHive's job status: Waiting, InProgress, Success, Failure, Deleted
 * @param errorCount    consecutive failed polls or submissions of this job
 * @param report        the report as Cortex sent it (JSON), or Sightline's failure report
 * @param finishedAt    when Sightline stored the outcome
 */
public record CortexJobRecord(long id, long orgId, long observableId, String serverName, String analyzerRef, String analyzerId,
                       String analyzerName, String cortexJobId, String status, JobPhase phase, String parameters,
                       int attempts, int errorCount, long nextPollAt, String lastError, String errorMessage, String report,
                       boolean fromCache, Long startDate, Long endDate, Long submittedAt, Long finishedAt,
                       String createdBy, long createdAt, String updatedBy, Long updatedAt) {

    static final String WAITING = "Waiting";
    static final String IN_PROGRESS = "InProgress";
    static final String SUCCESS = "Success";
    static final String FAILURE = "Failure";
    static final String DELETED = "Deleted";

    boolean isFinished() {
        return phase == JobPhase.DONE;
    }

    /** Whether the job has ended as TheHive reports it: succeeded, failed or deleted. */
    public boolean ended() {
        return SUCCESS.equals(status) || FAILURE.equals(status) || DELETED.equals(status);
    }

    /** When it started as TheHive shows it: Cortex's start, else its creation. */
    public long shownStartDate() {
        return startDate != null ? startDate : createdAt;
    }
}
