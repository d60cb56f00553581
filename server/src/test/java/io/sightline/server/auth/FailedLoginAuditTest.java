package io.sightline.server.auth;

import io.sightline.server.audit.AuditLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood of failed logins writes a bounded number of audit rows. */
class FailedLoginAuditTest {
    private final List<String> rows = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final AuditLog audit = new AuditLog(null, null, null, null, null) {
        @Override
        public void record(Long orgId, String actor, String action, String entity, String entityId, Object before, Object after) {
            rows.add(action + " " + entityId + " " + after);
        }
    };

    @Test
    void writesAtMostTheBudgetPerMinuteThenOneSummary() {
        FailedLoginAudit failed = new FailedLoginAudit(audit, clock, 3);
        for (int i = 0; i < 1000; i++) failed.firstFailure("login" + i, "10.0.0." + (i % 250), "unknown login");
        assertThat(rows).hasSize(3);

        failed.flushSuppressed();
        assertThat(rows).as("no room left this minute").hasSize(3);
        clock.advance(Duration.ofMinutes(1));
        failed.flushSuppressed();
        assertThat(rows).hasSize(4).last().isEqualTo("loginFailuresNotAudited * {count=997}");
    }
}
