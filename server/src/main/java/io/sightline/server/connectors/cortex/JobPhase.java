package io.sightline.server.connectors.cortex;

/** Where a job is in Sightline's hands (its TheHive status is kept apart, in {@code status}). */
enum JobPhase {
    /** Not sent to Cortex yet: waiting for a free slot on the server, or for a retry. */
    QUEUED,
    /** Claimed by one hub instance that is sending it; back to QUEUED if that instance dies. */
    SUBMITTING,
    /** Known to Cortex; polled until it ends. */
    RUNNING,
    DONE
}
