package io.sightline.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.stix.Fixtures;
import io.sightline.stix.StixObjectReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class StixSchemaValidatorTest {
    /** The fixtures SOURCES.md declares valid against the OASIS schemas. */
    private static final List<String> VALID = List.of("oasis-apt1-report.json", "oasis-poisonivy-report.json",
            "oasis-infrastructure.json", "oasis-indicators-for-C2-with-COA.json",
            "oasis-malicious-email-indicator-with-attachment.json", "opencti-pycti-mitre_capec-bundle.json");

    @Test
    void oasisFixturesAreValidWithTheBundledSchemas() throws Exception {
        StixSchemaValidator validator = StixSchemaValidator.fromClasspath();
        for (String name : VALID) {
            try (InputStream in = Files.newInputStream(Fixtures.stix(name)); StixObjectReader reader = StixObjectReader.open(in)) {
                assertThat(validator.validateAll(reader)).as(name).isEmpty();
            }
        }
    }

    @Test
    void fixtureFolderGivesTheSameVerdict() throws Exception {
        StixSchemaValidator validator = StixSchemaValidator.fromDirectory(Fixtures.schemas());
        try (InputStream in = Files.newInputStream(Fixtures.stix("misp-stix-events_collection-as-stix21.json"));
                StixObjectReader reader = StixObjectReader.open(in)) {
            // Valid object by object, groupings included (the bundle schema would reject them).
            assertThat(validator.validateAll(reader)).isEmpty();
        }
    }

    @Test
    void brokenObjectsAreReportedWithTheirId() {
        StixSchemaValidator validator = StixSchemaValidator.fromClasspath();
        ObjectNode indicator = Fixtures.sample("indicator-version-1.json").get(0).deepCopy();
        String type = indicator.path("type").asString();
        indicator.remove("created");
        indicator.put("id", type + "--not-a-uuid");
        List<SchemaViolation> violations = validator.validate(indicator);
        assertThat(violations).isNotEmpty();
        assertThat(violations).allSatisfy(v -> assertThat(v.objectId()).isEqualTo(type + "--not-a-uuid"));
        assertThat(violations.toString()).contains("created").contains("/id: does not match the regex");
    }
}
