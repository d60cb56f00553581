package io.sightline.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TheHive 5's closing statuses next to TheHive 4's Resolved, as {@link CaseStatus} maps them. */
abstract class CaseStatusesContract extends HubTest {

    @Test
    void closesWithATheHive5StatusAndReopensClearingTheEndDate() {
        String id = createCase(admin, unique("th5-close"));
        var closed = admin.patch("/api/v1/case/" + id, Map.of("status", "TruePositive", "impactStatus", "WithImpact",
                "summary", "Closed..."));
        assertThat(closed.status()).isEqualTo(200);
        var c = admin.get("/api/v1/case/" + id).json();
        assertThat(c.get("status").asString()).isEqualTo("TruePositive");
        assertThat(c.get("stage").asString()).isEqualTo("Closed");
        assertThat(c.get("resolutionStatus").asString()).isEqualTo("TruePositive");
        assertThat(c.get("impactStatus").asString()).isEqualTo("WithImpact");
        assertThat(c.get("summary").asString()).isEqualTo("Closed...");
        assertThat(c.get("endDate").asLong()).isPositive();

        var reopened = admin.patch("/api/v1/case/" + id, Map.of("status", "InProgress")).json();
        assertThat(reopened.get("status").asString()).isEqualTo("InProgress");
        assertThat(reopened.get("stage").asString()).isEqualTo("InProgress");
        assertThat(reopened.has("endDate")).isFalse();
        assertThat(reopened.has("resolutionStatus")).isFalse();
        assertThat(reopened.has("impactStatus")).isFalse();
    }

    @Test
    void aTheHive4ClosingReadsAsTheSameResolution() {
        String id = createCase(admin, unique("th4-close"));
        var c = admin.patch("/api/v1/case/" + id, Map.of("status", "Resolved", "resolutionStatus", "FalsePositive",
                "summary", "benign")).json();
        assertThat(c.get("status").asString()).isEqualTo("Resolved");
        assertThat(c.get("stage").asString()).isEqualTo("Closed");
        assertThat(c.get("resolutionStatus").asString()).isEqualTo("FalsePositive");

        // moved to a TheHive 5 closing status, the resolution follows it
        var moved = admin.patch("/api/v1/case/" + id, Map.of("status", "Duplicated")).json();
        assertThat(moved.get("status").asString()).isEqualTo("Duplicated");
        assertThat(moved.get("resolutionStatus").asString()).isEqualTo("Duplicated");
    }

    @Test
    void refusesAClosingWithoutSummaryOrWithAContradictingResolutionWritingNothing() {
        String id = createCase(admin, unique("th5-refused"));
        var noSummary = admin.patch("/api/v1/case/" + id, Map.of("status", "Indeterminate"));
        assertThat(noSummary.status()).isEqualTo(400);
        assertThat(noSummary.json().get("message").asString()).isEqualTo("Closing a case requires a summary");

        var contradicting = admin.patch("/api/v1/case/" + id, Map.of("status", "Other", "resolutionStatus", "TruePositive",
                "summary", "s"));
        assertThat(contradicting.status()).isEqualTo(400);
        assertThat(contradicting.json().get("message").asString()).contains("Case status Other contradicts resolutionStatus TruePositive");

        var badImpact = admin.patch("/api/v1/case/" + id, Map.of("status", "Other", "impactStatus", "Huge", "summary", "s"));
        assertThat(badImpact.status()).isEqualTo(400);
        assertThat(badImpact.json().get("message").asString()).contains("Unknown impact status 'Huge'");

        var c = admin.get("/api/v1/case/" + id).json();
        assertThat(c.get("status").asString()).isEqualTo("New");
        assertThat(c.has("summary")).isFalse();
        assertThat(c.has("endDate")).isFalse();
    }
}
