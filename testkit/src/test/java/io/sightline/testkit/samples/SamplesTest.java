package io.sightline.testkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.stix.StixObjectReader;
import io.sightline.stix.validation.StixSchemaValidator;
import io.sightline.testkit.misp.MispEmulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The shipped sample data: complete, valid, and made of documentation addresses only. */
class SamplesTest {
    private static final Path SOURCE = Path.of("src/main/resources/io/sightline/testkit/samples");
    private static final Pattern IPV4 = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    @Test
    void theIndexListsEveryJsonFileOfTheSampleFolder() throws Exception {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            List<String> onDisk = files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> SOURCE.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(Samples.index()).containsExactlyElementsOf(onDisk);
        }
        for (String relative : Samples.index()) assertThat(Samples.file(relative)).isRegularFile();
    }

    @Test
    void stixSamplesAreValidStix21AndEachReportSampleHasItsReport() throws Exception {
        StixSchemaValidator validator = StixSchemaValidator.fromClasspath();
        for (String relative : Samples.index().stream().filter(p -> p.startsWith("stix/")).toList()) {
            List<ObjectNode> objects = new ArrayList<>();
            try (InputStream in = Files.newInputStream(Samples.file(relative)); StixObjectReader reader = StixObjectReader.open(in)) {
                reader.forEachRemaining(objects::add);
            }
            if (relative.startsWith("stix/report-")) {
                assertThat(objects).as(relative).filteredOn(o -> o.path("type").asString().equals("report")).hasSize(1);
            }
            for (ObjectNode object : objects) assertThat(validator.validate(object)).as(relative + " " + object).isEmpty();
        }
    }

    @Test
    void mispSamplesLoadIntoTheEmulator() {
        try (MispEmulator misp = MispEmulator.start(MispEmulator.Options.defaults().load(Samples.misp()))) {
            assertThat(misp.store().eventIds()).hasSize(3);
        }
    }

    @Test
    void everyIpv4AddressIsInADocumentationRange() throws Exception {
        for (String relative : Samples.index()) {
            Matcher m = IPV4.matcher(Files.readString(Samples.file(relative)));
            while (m.find()) {
                String network = m.group(1) + "." + m.group(2) + "." + m.group(3);
                assertThat(network).as(relative + ": " + m.group()).isIn("192.0.2", "198.51.100", "203.0.113");
            }
        }
    }

    @Test
    void aMissingSampleIsNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Samples.file("stix/none.json"))
                .hasMessageContaining("no sample stix/none.json");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Samples.file("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
