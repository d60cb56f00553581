package io.sightline.server.intel;

import io.sightline.server.common.ObservableTypes;
import io.sightline.stix.StixFormatException;
import io.sightline.stix.StixJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store keeps of one STIX object, without a database. */
class IntelObjectParserTest {
    private final IntelObjectParser parser = new IntelObjectParser(
            new ObservableTypes(List.of("hash", "ip", "domain", "fqdn", "url", "mail", "other")), 2_000);

    @Test
    void versionsKeepMicrosecondsSoCloseUpdatesAreNotLost() {
        IntelObject first = parse(indicator("2024-01-01T00:00:00Z"));
        IntelObject second = parse(indicator("2024-01-01T00:00:00.000001Z"));
        assertThat(first.modifiedAt()).isEqualTo(second.modifiedAt());
        assertThat(IntelObject.compareVersions(second.versionUs(), first.versionUs())).isPositive();
        assertThat(IntelObject.compareVersions(parse(indicator("2024-01-01T00:00:00.000Z")).versionUs(), first.versionUs())).isZero();
    }

    @Test
    void cyberObservablesAreUnversionedAndOlderThanAnyVersion() {
        ObjectNode ip = StixJson.mapper().createObjectNode().put("type", "ipv4-addr").put("id", "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd")
                .put("value", "198.51.100.3");
        IntelObject sco = parse(ip);
        assertThat(sco.versionUs()).isNull();
        assertThat(sco.values()).extracting(IntelValue::dataType, IntelValue::data).containsExactly(org.assertj.core.groups.Tuple.tuple("ip", "198.51.100.3"));
        assertThat(IntelObject.compareVersions(null, 0L)).isNegative();
        assertThat(IntelObject.compareVersions(null, null)).isZero();
    }

    @Test
    void valuesAreNormalisedAsCaseObservablesAndRefusedOnesCounted() {
        ObjectNode indicator = indicator("2024-01-01T00:00:00Z").put("pattern",
                "[file:hashes.'SHA-256' = 'EF537F25C895BFA782526529A9B63D97AA631564D5D789C2B765448C8635FB6C'] OR [ipv4-addr:value = '10.0.0.0/8']");
        IntelObjectParser.Parsed parsed = parser.parse(indicator);
        assertThat(parsed.object().values()).singleElement().satisfies(v -> {
            assertThat(v.dataType()).isEqualTo("hash");
            assertThat(v.data()).isEqualTo("ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c");
            assertThat(v.dataKey()).hasSize(64);
        });
        assertThat(parsed.valuesSkipped()).isEqualTo(1);
    }

    @Test
    void anObjectAboveTheLimitIsKeptWithoutItsJson() {
        IntelObject small = parse(indicator("2024-01-01T00:00:00Z"));
        IntelObject large = parse(indicator("2024-01-01T00:00:00Z").put("description", "d".repeat(5_000)));
        assertThat(small.rawJson()).contains("\"pattern\"");
        assertThat(large.rawJson()).isNull();
        assertThat(large.rawChars()).isGreaterThan(5_000);
        assertThat(large.description()).hasSize(IntelObjectParser.DESCRIPTION_CHARS).endsWith("…");
        assertThat(large.values()).hasSize(1);
    }

    @Test
    void refusesObjectsWhoseIdentityCannotBeTrusted() {
        assertThatThrownBy(() -> parser.parse(indicator("2024-01-01T00:00:00Z").put("type", "malware")))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("does not match the id");
        assertThatThrownBy(() -> parser.parse(indicator("2024-01-01T00:00:00Z").put("id", "indicator--not-a-uuid")))
                .isInstanceOf(StixFormatException.class).hasMessageContaining("not an RFC 4122 UUID");
        assertThatThrownBy(() -> new IntelObjectParser(new ObservableTypes(List.of("ip")), 2_000_000))
                .hasMessageContaining("sightline.intel.max-raw-chars");
    }

    private IntelObject parse(ObjectNode node) {
        return parser.parse(node).object();
    }

    private static ObjectNode indicator(String modified) {
        return StixJson.mapper().createObjectNode().put("type", "indicator").put("spec_version", "2.1")
                .put("id", "indicator--53fe3b22-0201-47cf-85d0-97c02164528d").put("created", "2014-05-08T09:00:00.000Z")
                .put("modified", modified).put("name", "IP Address for known C2 channel").put("pattern_type", "stix")
                .put("pattern", "[ipv4-addr:value = '10.0.0.1']").put("valid_from", "2014-05-08T09:00:00.000Z");
    }
}
