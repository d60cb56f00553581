package io.sightline.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

/** TheHive's MISP routes on a hub with no MISP server, answered as TheHive answers them (thehive4py's misp calls). */
@ContextConfiguration(initializers = H2Database.class)
class MispWithoutServerTest extends HubTest {

    @Test
    void statusIsEmptyASyncHasNothingToDoAndAnExportNamesTheMissingServer() {
        var status = admin.get("/api/v1/connector/misp/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("status").isObject()).isTrue();
        assertThat(status.json().path("status").size()).isZero();
        assertThat(status.json().path("syncInProgress").asBoolean(true)).isFalse();

        assertThat(admin.get("/api/v1/connector/misp/_syncAlerts").status()).isEqualTo(204);
        TestApi analyst = newUser(unique("misp-less"), "analyst");
        assertThat(analyst.get("/api/v1/connector/misp/_syncAlerts").status()).as("a sync stays the admins'").isEqualTo(403);

        String caseId = createCase(admin, unique("no misp"));
        var export = admin.post("/api/v1/connector/misp/export/" + caseId + "/nowhere", Map.of());
        assertThat(export.status()).isEqualTo(404);
        assertThat(export.json().path("type").asString()).isEqualTo("NotFoundError");
        assertThat(export.json().path("message").asString()).isEqualTo("MISP server nowhere not found");
        assertThat(admin.get("/api/v1/case/" + caseId + "/misp").json().size()).as("nothing exported").isZero();
    }
}
