package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.MispFixtures;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.model.MispTag;
import io.sightline.integrations.misp.reading.MispEventReader;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MispAlertMapperTest {

    private final MispAlertMapper mapper = new MispAlertMapper(MispImportTypes.loadDefault(), "https://misp.example/", List.of("from-misp"));
    private final MispEventReader reader = new MispEventReader();

    private List<MispEventSummary> index(String fixture) throws IOException {
        List<MispEventSummary> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(MispFixtures.file(fixture))) {
            reader.readIndex(in, events::add);
        }
        return events;
    }

    @Test
    void alertFromIndexEntryFollowsTheHiveRulesWithCaseInsensitiveTlp() throws IOException {
        MispEventSummary event = index("pymisp-search_index_result.json").get(0);

        MispAlertDraft alert = mapper.alert(event, "ORGNAME");

        assertThat(alert.type()).isEqualTo("misp");
        assertThat(alert.source()).isEqualTo("ORGNAME");
        assertThat(alert.sourceRef()).isEqualTo("3");
        assertThat(alert.eventUuid()).isEqualTo("5758ebf5-c898-48e6-9fe9-5665c0a83866");
        assertThat(alert.title()).isEqualTo("#3 Another random Event");
        assertThat(alert.description()).isEqualTo("Imported from MISP Event #3, created at 2016-12-01");
        assertThat(alert.severity()).as("threat level 1 (high)").isEqualTo(3);
        assertThat(alert.date()).isEqualTo(LocalDate.of(2016, 12, 1));
        assertThat(alert.tlp()).as("TLP:GREEN").isEqualTo(1);
        assertThat(alert.pap()).isEqualTo(2);
        assertThat(alert.eventModified()).isEqualTo(Instant.ofEpochSecond(1465681801L));
        assertThat(alert.lastSyncDate()).isEqualTo(Instant.EPOCH);
        assertThat(alert.tags()).containsExactly("src:ORGNAME", "TLP:GREEN", "for_intelmq_processing",
                "ecsirt:malicious-code=\"ransomware\"", "from-misp");
        assertThat(alert.externalLink()).isEqualTo("https://misp.example/events/view/3");
    }

    @Test
    void severityFromThreatLevel() {
        assertThat(MispAlertMapper.severity(1)).isEqualTo(3);
        assertThat(MispAlertMapper.severity(2)).isEqualTo(2);
        assertThat(MispAlertMapper.severity(3)).isEqualTo(1);
        assertThat(MispAlertMapper.severity(4)).isEqualTo(2);
    }

    @Test
    void streamedSednitAttributesBecomeObservables() throws IOException {
        List<MispObservableDraft> drafts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(MispFixtures.file("pymisp-existing_event-sednit.json"))) {
            reader.read(in, mapper.observableStream(0, drafts::add));
        }

        assertThat(drafts).hasSize(122);
        MispObservableDraft link = drafts.get(0);
        assertThat(link.dataType()).isEqualTo("url");
        assertThat(link.ioc()).isFalse();
        assertThat(link.tlp()).isEqualTo(0);
        assertThat(link.attributeUuid()).isEqualTo("5a3c2fda-78f4-44b7-8366-46da02de0b81");
        assertThat(link.tags()).containsExactly("misp.category=\"External analysis\"", "misp.type=\"link\"",
                "osint:source-type=\"blog-post\"", "osint:certainty=\"93\"");
        assertThat(drafts).filteredOn(d -> d.dataType().equals("hash")).isNotEmpty().allMatch(MispObservableDraft::ioc);
        assertThat(drafts).filteredOn(d -> d.dataType().equals("domain") && d.message().equals("Xagent Samples")).hasSize(7)
                .allSatisfy(d -> assertThat(d.tags()).noneMatch(t -> t.startsWith("misp.object")));
        assertThat(drafts).filteredOn(d -> d.tags().contains("misp.object=\"domain-ip\""))
                .extracting(MispObservableDraft::dataType).containsOnly("domain", "ip");
        assertThat(drafts).extracting(MispObservableDraft::dataType).doesNotContain("file");
    }

    @Test
    void compositeAttributeYieldsTwoObservablesWithCommentAndIoc() throws IOException {
        List<MispObservableDraft> drafts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(MispFixtures.file("misp-stix-restsearch-events_collection_2.json"))) {
            reader.read(in, mapper.observableStream(2, drafts::add));
        }
        assertThat(drafts.subList(0, 2)).extracting(MispObservableDraft::dataType, MispObservableDraft::data)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("domain", "circl.lu"),
                        org.assertj.core.groups.Tuple.tuple("ip", "149.13.33.14"));
        assertThat(drafts.get(0).message()).isEqualTo("Domain|ip test attribute");
        assertThat(drafts.get(0).ioc()).isTrue();
    }

    @Test
    void attributeTlpOverridesEventTlpAndDeletionIsReported() {
        MispAttribute attribute = new MispAttribute("7", "a7", "1", "malware-sample", "Payload delivery",
                "evil.zip|cda4ed7585956f2bc1318cf85751f0b8", true, "dropper", true, 10, null,
                List.of(MispTag.of("TLP:RED")), null, null, false);

        assertThat(mapper.observables(attribute, 1)).singleElement().satisfies(d -> {
            assertThat(d.dataType()).isEqualTo("file");
            assertThat(d.data()).isEqualTo("evil.zip");
            assertThat(d.attachment()).isTrue();
            assertThat(d.attributeId()).isEqualTo("7");
            assertThat(d.tlp()).isEqualTo(3);
            assertThat(d.deleted()).isTrue();
            assertThat(d.message()).isEqualTo("dropper");
        });
    }
}
