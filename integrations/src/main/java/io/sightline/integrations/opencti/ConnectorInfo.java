package io.sightline.integrations.opencti;

import java.time.Instant;

/**
 * {@code ConnectorInfoInput} sent with every ping: how the connector runs and when it ran last.
 * Sizes are in megabytes as pycti reports them.
 */
public record ConnectorInfo(
        boolean runAndTerminate,
        boolean buffering,
        double queueThresholdMb,
        double queueMessagesSizeMb,
        Instant nextRun,
        Instant lastRun) {

    public static ConnectorInfo initial(boolean runAndTerminate, double queueThresholdMb) {
        return new ConnectorInfo(runAndTerminate, false, queueThresholdMb, 0, null, null);
    }

    public ConnectorInfo withRun(Instant last, Instant next) {
        return new ConnectorInfo(runAndTerminate, buffering, queueThresholdMb, queueMessagesSizeMb, next, last);
    }

    public ConnectorInfo withQueue(boolean nowBuffering, double sizeMb) {
        return new ConnectorInfo(runAndTerminate, nowBuffering, queueThresholdMb, sizeMb, nextRun, lastRun);
    }
}
