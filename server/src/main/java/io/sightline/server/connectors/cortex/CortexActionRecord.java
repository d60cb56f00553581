package io.sightline.server.connectors.cortex;

/**
 * One persisted responder run (TheHive's "action").
 *
 * @param objectType   what it acts on
 * @param responderId  Cortex's worker id on {@code serverName}
 * @param status       Waiting, InProgress, Success, Failure or Deleted, as for jobs
 * @param report       the report as Cortex sent it (JSON), or Sightline's failure report
 * @param operations   the report's operations, each with the outcome of applying it (JSON array)
 */
public record CortexActionRecord(long id, long orgId, ActionObjectType objectType, long objectId, String serverName,
                                 String responderId, String responderName, String cortexJobId, String status,
                                 JobPhase phase, String parameters, int errorCount, long nextPollAt, String lastError,
                                 String errorMessage, String report, String operations, Long startDate, Long endDate,
                                 String createdBy, long createdAt, String updatedBy, Long updatedAt) {

    public boolean ended() {
        return phase == JobPhase.DONE;
    }
}
