package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexClient;
import io.sightline.integrations.cortex.CortexException;
import io.sightline.integrations.cortex.CortexJobReport;
import io.sightline.integrations.cortex.JobCheck;
import io.sightline.integrations.cortex.JobState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The part of each server's polling round ({@link CortexPoller#poll}) that follows running
 * actions: one {@code POST /api/job/status} for the due ones, the report of each that ended.
 * A failed poll counts an error for each action concerned; after {@code maxRetryOnError} in a
 * row the action fails with the reason, as jobs do.
 */
@Component
class CortexActionPoller {
    private final CortexServers servers;
    private final CortexActionRepository actions;
    private final CortexActionOutcomes outcomes;
    private final Clock clock;

    CortexActionPoller(CortexServers servers, CortexActionRepository actions, CortexActionOutcomes outcomes, Clock clock) {
        this.servers = servers;
        this.actions = actions;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Polls the due actions of one server; rethrows a failure of the server after counting it on each action. */
    void poll(String server, long roundStart) {
        List<CortexActionRecord> due = actions.duePolls(server, roundStart, CortexPoller.PAGE);
        if (due.isEmpty()) return;
        CortexClient client = servers.client(server);
        Map<String, JobCheck> checks;
        try {
            checks = client.statuses(due.stream().map(CortexActionRecord::cortexJobId).toList());
        } catch (CortexException e) {
            due.forEach(a -> pollFailed(a, e.getMessage()));
            throw e;
        }
        long now = clock.millis();
        long next = roundStart + servers.settings().refreshDelay().toMillis();
        for (CortexActionRecord action : due) {
            JobCheck check = checks.get(action.cortexJobId());
            JobState state = check == null ? JobState.NOT_FOUND : check.state();
            switch (state) {
                case SUCCESS, FAILURE -> fetchReport(client, action);
                case DELETED -> outcomes.failed(action, CortexJobRecord.DELETED, "The job was deleted in Cortex " + server);
                case NOT_FOUND -> outcomes.failed(action, CortexJobRecord.FAILURE, "Cortex " + server + " does not know job "
                        + action.cortexJobId() + " any more (NotFound)");
                case ERROR -> pollFailed(action, "Cortex " + server + " could not read the job's status: " + check.error());
                default -> actions.progressed(action.id(), CortexPoller.theHiveStatus(state), next, now);
            }
        }
    }

    /** At start: actions of servers removed from the configuration will never end otherwise. */
    void failActionsOutside(List<String> configured) {
        for (CortexActionRecord action : actions.unfinishedOutside(configured)) {
            outcomes.failed(action, CortexJobRecord.FAILURE, "Cortex server " + action.serverName() + " is no longer configured");
        }
    }

    private void fetchReport(CortexClient client, CortexActionRecord action) {
        try {
            CortexJobReport r = client.report(action.cortexJobId());
            if (r.report().isPresent()) outcomes.ended(action, r.job(), r.report().get());
            else pollFailed(action, "Cortex said the action ended but sent no report (status " + r.status() + ")");
        } catch (CortexException e) {
            pollFailed(action, e.getMessage());
        }
    }

    private void pollFailed(CortexActionRecord action, String error) {
        int errors = action.errorCount() + 1;
        if (errors > servers.settings().maxRetryOnError()) {
            outcomes.failed(action, CortexJobRecord.FAILURE, "Polling Cortex " + action.serverName() + " failed " + errors
                    + " times in a row: " + error);
            return;
        }
        long now = clock.millis();
        actions.pollFailed(action.id(), error, now + servers.settings().refreshDelay().toMillis() * (1L << Math.min(errors, 10)), now);
    }
}
