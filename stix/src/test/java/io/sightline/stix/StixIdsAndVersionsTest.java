package io.sightline.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StixIdsAndVersionsTest {

    @Test
    void parsesAndRejectsIds() {
        StixId id = StixId.parse("indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F");
        assertThat(id.type()).isEqualTo("indicator");
        assertThat(id.toString()).isEqualTo("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
        assertThat(StixId.isValid("identity--not-available")).isFalse();
        assertThatThrownBy(() -> StixId.parse("Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"))
                .hasMessageContaining("type 'Indicator'");
        assertThatThrownBy(() -> StixId.parse("indicator-8e2e2d2b")).hasMessageContaining("no '--'");
        assertThatThrownBy(() -> StixId.parse("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3"))
                .hasMessageContaining("not an RFC 4122 UUID");
        assertThat(StixId.typeOf("x-mitre-asset--0804f037")).isEqualTo("x-mitre-asset");
    }

    @Test
    void deterministicIdsAreUuid5OverCanonicalContributingProperties() {
        // Expected values computed independently with Python's uuid.uuid5 over the canonical JSON.
        ObjectNode ip = StixJson.mapper().createObjectNode().put("type", "ipv4-addr").put("value", "198.51.100.3");
        ip.putArray("resolves_to_refs").add("mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00");
        assertThat(StixIds.deterministicScoId(ip)).isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
        ObjectNode domain = StixJson.mapper().createObjectNode().put("type", "domain-name").put("value", "example.com");
        assertThat(StixIds.deterministicScoId(domain)).isEqualTo("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
        assertThatThrownBy(() -> StixIds.deterministicScoId(StixJson.mapper().createObjectNode().put("type", "url")))
                .hasMessageContaining("none of its id-contributing properties");
        assertThatThrownBy(() -> StixIds.deterministicScoId(StixJson.mapper().createObjectNode().put("type", "malware")))
                .hasMessageContaining("no deterministic id rule");
    }

    @Test
    void bundleIdOfAReportIsDerivedFromItsUuid() {
        UUID uuid = UUID.randomUUID();
        assertThat(StixIds.bundleIdFor("report--" + uuid)).isEqualTo("bundle--" + uuid);
        assertThat(StixId.isValid(StixIds.bundleIdFor("report--" + uuid))).isTrue();
        assertThatThrownBy(() -> StixIds.bundleIdFor("not-an-id")).isInstanceOf(StixFormatException.class);
    }

    @Test
    void newerVersionByModifiedThenCreated() {
        JsonNode v1 = Fixtures.sample("indicator-version-1.json").get(0);
        JsonNode v2 = Fixtures.sample("indicator-version-2.json").get(0);
        assertThat(v1.path("id")).isEqualTo(v2.path("id"));
        assertThat(StixVersions.isNewer(v2, v1)).isTrue();
        assertThat(StixVersions.isNewer(v1, v2)).isFalse();
        assertThat(StixVersions.isNewer(v1, v1)).isFalse();

        ObjectNode a = StixJson.mapper().createObjectNode().put("created", "2024-01-01T00:00:00Z");
        ObjectNode b = StixJson.mapper().createObjectNode().put("created", "2024-01-01T00:00:00.000Z");
        ObjectNode c = StixJson.mapper().createObjectNode().put("created", "2023-01-01T00:00:00Z").put("modified", "2024-01-01T00:00:00.001Z");
        assertThat(StixVersions.isNewer(b, a)).isFalse();
        assertThat(StixVersions.isNewer(c, a)).isTrue();
        ObjectNode bad = StixJson.mapper().createObjectNode().put("id", "x--1").put("modified", "yesterday");
        assertThatThrownBy(() -> StixVersions.versionOf(bad)).hasMessageContaining("'modified' of x--1");
    }
}
