package io.sightline.server.connectors.misp;

import io.sightline.integrations.misp.model.MispEventUpdate;
import io.sightline.integrations.misp.model.MispNewAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.sightline.server.connectors.misp.MispTesting.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts a MISP import creates and updates have their audit entries, as an analyst's would:
 * one creation, one update per changed event, none when the alert did not change; the procedures
 * it adds from ATT&CK galaxy tags too. Run on H2 and on PostgreSQL (where new alerts are written
 * many at once).
 */
abstract class MispAlertAuditContract extends MispHubTest {
    private static final String ACTOR = "misp:local";

    protected abstract MispTesting.Misp misp();

    @Test
    void eachImportedAlertIsAuditedOnceAsCreatedAsTheApiShowsIt() {
        String first = misp().addEvent(UUID.randomUUID().toString(), "first of two", List.of("tlp:green", "b-tag", "a-tag"),
                attribute("domain", "Network activity", "first.audit.example.org", true));
        String second = misp().addEvent(UUID.randomUUID().toString(), "second of two", List.of(),
                attribute("ip-dst", "Network activity", "203.0.113.70", true));
        syncAndWait();

        for (String id : List.of(first, second)) {
            JsonNode alert = alert(id);
            List<JsonNode> entries = entries(alert);
            assertThat(entries).as("audit entries of the alert of event " + id).hasSize(1);
            JsonNode entry = entries.get(0);
            assertThat(entry.path("action").asString()).isEqualTo("create");
            assertThat(entry.path("actor").asString()).isEqualTo(ACTOR);
            assertThat(entry.path("before").isNull()).isTrue();
            JsonNode after = entry.path("after");
            for (String field : List.of("_id", "_createdBy", "_createdAt", "type", "source", "sourceRef", "title",
                    "description", "severity", "date", "tags", "tlp", "pap", "status", "read", "follow", "flag")) {
                assertThat(after.path(field)).as(field + " of the alert of event " + id).isEqualTo(alert.path(field));
            }
        }

        syncAndWait(); // nothing changed in MISP: nothing more
        assertThat(entries(alert(first))).hasSize(1);
    }

    @Test
    void aChangedEventIsAnUpdateOfItsAlertAndNewAttributesAloneAreNone() {
        String uuid = UUID.randomUUID().toString();
        String id = misp().addEvent(uuid, "before the edit", List.of("tlp:amber"),
                attribute("domain", "Network activity", "edited.audit.example.org", true));
        syncAndWait();
        String alertId = alert(id).path("_id").asString();

        misp().tick();
        misp().client().addAttribute(id, new MispNewAttribute("ip-dst", "Network activity", "203.0.113.71", true, "", null,
                List.of()));
        syncAndWait();
        assertThat(values(alertObservables(id))).contains("203.0.113.71");
        assertThat(entries(alert(id))).as("an event whose attributes alone changed").hasSize(1);

        misp().tick();
        misp().client().editEvent(id, new MispEventUpdate("after the edit", null, null, null, null, null));
        misp().tick();
        misp().client().addTag(uuid, "added-in-misp", false);
        syncAndWait();

        JsonNode alert = alert(id);
        List<JsonNode> entries = entries(alert);
        assertThat(entries).extracting(e -> e.path("action").asString()).containsExactly("update", "create");
        JsonNode update = entries.get(0);
        assertThat(update.path("actor").asString()).isEqualTo(ACTOR);
        assertThat(update.path("objectId").asString()).isEqualTo(alertId);
        assertThat(update.path("before").path("title").asString()).isEqualTo("#" + id + " before the edit");
        assertThat(update.path("after").path("title").asString()).isEqualTo("#" + id + " after the edit");
        assertThat(strings(update.path("before").path("tags"))).doesNotContain("added-in-misp");
        assertThat(update.path("after").path("tags")).isEqualTo(alert.path("tags"));
        assertThat(update.path("after").path("_updatedBy").asString()).isEqualTo(ACTOR);

        syncAndWait();
        assertThat(entries(alert(id))).hasSize(2);
    }

    @Test
    void anAlertMadeByHandThenImportedIsAnUpdateByTheImport() {
        String id = misp().addEvent(UUID.randomUUID().toString(), "imported over a hand-made alert", List.of(),
                attribute("domain", "Network activity", "by-hand.audit.example.org", true));
        var made = admin.post("/api/v1/alert", Map.of("type", "misp", "source", "ORGNAME", "sourceRef", id,
                "title", "typed in by an analyst", "description", "before the import"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);

        syncAndWait();

        List<JsonNode> entries = entries(alert(id));
        assertThat(entries).extracting(e -> e.path("action").asString() + " by " + e.path("actor").asString())
                .containsExactly("update by " + ACTOR, "create by admin");
        assertThat(entries.get(0).path("before").path("title").asString()).isEqualTo("typed in by an analyst");
    }

    @Test
    void proceduresFromAttackGalaxyTagsAreAuditedAsTheImportsOwn() {
        String id = misp().addEvent(UUID.randomUUID().toString(), "with a technique", List.of(
                        "misp-galaxy:mitre-attack-pattern=\"Spearphishing Attachment - T1566.001\""),
                attribute("domain", "Network activity", "ttp.audit.example.org", true));
        syncAndWait();

        JsonNode procedures = admin.post("/api/v1/query", Map.of("query", List.of(
                Map.of("_name", "getAlert", "idOrName", alert(id).path("_id").asString()),
                Map.of("_name", "procedures")))).json();
        assertThat(procedures.size()).isEqualTo(1);
        String procedureId = procedures.get(0).path("_id").asString();
        JsonNode entries = admin.get("/api/v1/audit?entity=procedure&entityId=" + procedureId).json();
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).path("action").asString()).isEqualTo("create");
        assertThat(entries.get(0).path("actor").asString()).isEqualTo(ACTOR);
        assertThat(entries.get(0).path("after").path("patternId").asString()).isEqualTo("T1566.001");
    }

    /** The alert's audit entries, newest first. */
    private List<JsonNode> entries(JsonNode alert) {
        var r = admin.get("/api/v1/audit?entity=alert&entityId=" + alert.path("_id").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }
}
