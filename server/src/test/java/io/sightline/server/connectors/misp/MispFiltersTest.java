package io.sightline.server.connectors.misp;

import io.sightline.server.support.H2Database;
import io.sightline.testkit.misp.MispEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The server filters really filter: wanted and unwanted tags, creator organisations, maximum age and size. */
@ContextConfiguration(initializers = H2Database.class)
class MispFiltersTest extends MispHubTest {
    static final MispTesting.Misp MISP = new MispTesting.Misp(MispEmulator.Options.defaults());
    static final long NOW = Instant.now().getEpochSecond();
    static final String WANTED = event("wanted", NOW - 3600, "CIRCL", 2, "keep");
    static final String EXCLUDED_TAG = event("excluded tag", NOW - 3500, "CIRCL", 2, "keep", "drop");
    static final String NOT_WANTED_TAG = event("no wanted tag", NOW - 3400, "CIRCL", 2, "other");
    static final String EXCLUDED_ORG = event("excluded org", NOW - 3300, "BadOrg", 2, "keep");
    static final String TOO_OLD = event("too old", NOW - Duration.ofDays(60).toSeconds(), "CIRCL", 2, "keep");
    static final String TOO_LARGE = event("too large", NOW - 3200, "CIRCL", 6, "keep");

    @DynamicPropertySource
    static void misp(DynamicPropertyRegistry r) {
        MispTesting.server(r, 0, "filtered", MISP.emulator);
        r.add("misp.servers[0].whitelist.tags[0]", () -> "keep");
        r.add("misp.servers[0].exclusion.tags[0]", () -> "drop");
        r.add("misp.servers[0].exclusion.organisations[0]", () -> "BadOrg");
        r.add("misp.servers[0].max-age", () -> "30 days");
        r.add("misp.servers[0].max-attributes", () -> "5");
        r.add("misp.servers[0].tags[0]", () -> "from-misp");
    }

    @AfterAll
    static void stopMisp() {
        MISP.emulator.close();
    }

    @Test
    void onlyTheEventPassingEveryFilterIsImported() {
        syncAndWait();
        assertThat(hasAlert(WANTED)).isTrue();
        assertThat(strings(alert(WANTED).path("tags"))).contains("keep", "from-misp");
        for (String id : List.of(EXCLUDED_TAG, NOT_WANTED_TAG, EXCLUDED_ORG, TOO_OLD, TOO_LARGE)) {
            assertThat(hasAlert(id)).as("event " + id + " filtered out").isFalse();
        }
    }

    private static String event(String info, long timestamp, String org, int attributes, String... tags) {
        ObjectNode e = MispTesting.JSON.createObjectNode();
        e.put("uuid", UUID.randomUUID().toString());
        e.put("info", info);
        e.put("date", "2026-01-01");
        e.put("timestamp", String.valueOf(timestamp));
        e.put("published", true);
        e.putObject("Orgc").put("name", org).put("id", org.equals("BadOrg") ? "77" : "2");
        ArrayNode t = e.putArray("Tag");
        for (String tag : tags) t.addObject().put("name", tag);
        ArrayNode a = e.putArray("Attribute");
        for (int i = 0; i < attributes; i++) {
            a.addObject().put("type", "domain").put("category", "Network activity").put("value", "d" + i + "." + info.replace(' ', '-') + ".example")
                    .put("to_ids", true).put("timestamp", String.valueOf(timestamp));
        }
        return MISP.emulator.store().add(e);
    }
}
