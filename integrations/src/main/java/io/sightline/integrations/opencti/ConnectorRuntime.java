package io.sightline.integrations.opencti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule of an external-import connector, as pycti's {@code schedule_process}: the first
 * run at once, each next one {@code interval} after the previous run ended; before a scheduled
 * run, a push queue at or above the threshold (MB) skips it; with run-and-terminate, one run only,
 * itself skipped when the queue is over the threshold.
 */
public final class ConnectorRuntime {
    private static final Logger log = LoggerFactory.getLogger(ConnectorRuntime.class);

    private final ConnectorSession session;
    private final Duration interval;
    private final boolean runAndTerminate;
    private final double queueThresholdMb;
    private final Clock clock;

    public ConnectorRuntime(ConnectorSession session, Duration interval, boolean runAndTerminate,
                            double queueThresholdMb, Clock clock) {
        this.session = session;
        this.interval = interval;
        this.runAndTerminate = runAndTerminate;
        this.queueThresholdMb = queueThresholdMb;
        this.clock = clock;
    }

    /** One run of the connector; exceptions are logged and the schedule goes on. */
    @FunctionalInterface
    public interface Run {
        void run() throws Exception;
    }

    /** Runs until interrupted (or once with run-and-terminate). */
    public void run(Run job) throws InterruptedException {
        boolean first = true;
        while (!Thread.currentThread().isInterrupted()) {
            // As pycti: a scheduled connector's first run always happens, a run-and-terminate run is
            // skipped (and the process ends) when the push queue is over the threshold.
            if ((first && !runAndTerminate) || !skipForQueue()) runOnce(job);
            first = false;
            if (runAndTerminate) return;
            Thread.sleep(interval.toMillis());
        }
        throw new InterruptedException();
    }

    /** True when the connector's queue is too full for a new run (pycti's buffering check). */
    boolean skipForQueue() {
        double size;
        try {
            size = session.queueSizeMb();
        } catch (RuntimeException e) {
            log.warn("Could not read the connector's queue size, running anyway: {}", e.getMessage());
            return false;
        }
        boolean buffering = size >= queueThresholdMb;
        session.recordQueue(buffering, size);
        if (buffering) {
            log.info("Connector queue holds {} MB (threshold {} MB): run skipped", String.format("%.1f", size), queueThresholdMb);
            session.recordRun(session.info().lastRun(), runAndTerminate ? null : clock.instant().plus(interval));
        }
        return buffering;
    }

    private void runOnce(Run job) {
        try {
            job.run();
        } catch (Exception e) {
            log.error("Connector run failed: {}", e.toString(), e);
        }
        Instant end = clock.instant();
        try {
            session.recordRun(end, runAndTerminate ? null : end.plus(interval));
        } catch (RuntimeException e) {
            log.warn("Could not report the run times to OpenCTI: {}", e.getMessage());
        }
    }
}
