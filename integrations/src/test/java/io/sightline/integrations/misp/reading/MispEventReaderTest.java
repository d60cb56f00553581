package io.sightline.integrations.misp.reading;

import io.sightline.integrations.misp.MispFixtures;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MispEventReaderTest {

    private final MispEventReader reader = new MispEventReader();

    /** Everything a listener received. */
    static final class Collected implements MispEventListener {
        final List<MispAttribute> attributes = new ArrayList<>();
        final List<MispEventSummary> events = new ArrayList<>();
        final List<Long> counts = new ArrayList<>();

        @Override
        public void attribute(MispAttribute attribute) {
            attributes.add(attribute);
        }

        @Override
        public void eventEnd(MispEventSummary event, long attributesRead) {
            events.add(event);
            counts.add(attributesRead);
        }
    }

    private Collected readFixture(String name) throws IOException {
        Collected c = new Collected();
        try (InputStream in = Files.newInputStream(MispFixtures.file(name))) {
            reader.read(in, c);
        }
        return c;
    }

    private Collected readString(String json) {
        Collected c = new Collected();
        reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), c);
        return c;
    }

    @Test
    void sednitBareEventWithObjectsRelatedEventsAndGalaxies() throws IOException {
        Collected c = readFixture("pymisp-existing_event-sednit.json");

        assertThat(c.events).hasSize(1);
        MispEventSummary e = c.events.get(0);
        assertThat(e.id()).isEqualTo("9747");
        assertThat(e.uuid()).isEqualTo("5a3c2fcd-8328-42bb-a95e-4f4402de0b81");
        assertThat(e.info()).startsWith("OSINT - Sednit update");
        assertThat(e.timestamp()).isEqualTo(1513948642L);
        assertThat(e.orgc().name()).isEqualTo("CIRCL");
        assertThat(e.tags()).hasSize(18);
        assertThat(e.tagNames()).contains("tlp:white", "misp-galaxy:threat-actor=\"Sofacy\"");
        // 9 plain attributes + 113 inside 49 objects; RelatedEvent.Event must not be read as an event
        assertThat(c.attributes).hasSize(122);
        assertThat(c.counts).containsExactly(122L);
        assertThat(c.attributes.stream().filter(MispAttribute::toIds)).hasSize(83);
        assertThat(c.attributes.stream().filter(a -> a.object() != null)).hasSize(113);
        assertThat(c.attributes.stream().map(a -> a.object() == null ? null : a.object().uuid()).distinct()
                .filter(u -> u != null)).hasSize(49);
        MispAttribute link = c.attributes.get(0);
        assertThat(link.type()).isEqualTo("link");
        assertThat(link.id()).isEqualTo("1188757");
        assertThat(link.category()).isEqualTo("External analysis");
        assertThat(link.tagNames()).containsExactly("osint:source-type=\"blog-post\"", "osint:certainty=\"93\"");
        MispAttribute inObject = c.attributes.stream().filter(a -> a.object() != null).findFirst().orElseThrow();
        assertThat(inObject.object().name()).isIn("file", "domain-ip");
        assertThat(inObject.objectRelation()).isNotBlank();
    }

    @Test
    void sampleRestEventWithObjectsTagsAndGalaxy() throws IOException {
        Collected c = new Collected();
        try (InputStream in = Files.newInputStream(MispFixtures.sample("event-webmail-phishing.json"))) {
            reader.read(in, c);
        }

        MispEventSummary e = c.events.get(0);
        assertThat(c.events).hasSize(1);
        assertThat(e.id()).isEqualTo("101");
        assertThat(e.orgc().name()).isEqualTo("EXAMPLE-CERT");
        assertThat(e.tagNames()).contains("tlp:green", "misp-galaxy:threat-actor=\"Paper Heron\"");
        // 7 plain attributes + 7 inside 2 objects
        assertThat(c.counts).containsExactly(14L);
        assertThat(c.attributes.stream().filter(a -> a.object() != null)).hasSize(7);
        assertThat(c.attributes.stream().filter(a -> a.type().equals("sha256")).findFirst().orElseThrow().tagNames())
                .containsExactly("osint:certainty=\"75\"");
    }

    @Test
    void samsamObjectsOnlyWithAttachmentData() throws IOException {
        Collected c = readFixture("pymisp-mainly_objects_1-samsam.json");

        MispEventSummary e = c.events.get(0);
        assertThat(e.uuid()).isEqualTo("5c066053-0e94-46eb-9746-4b7d950d210f");
        assertThat(e.threatLevelId()).isEqualTo(3);
        assertThat(e.published()).isTrue();
        assertThat(e.date()).isEqualTo(LocalDate.of(2018, 11, 27));
        assertThat(e.publishTimestamp()).isEqualTo(1550654277L);
        assertThat(e.tagNames()).containsExactly("tlp:white", "misp-galaxy:malpedia=\"SamSam\"",
                "misp-galaxy:ransomware=\"Samas-Samsam\"");
        assertThat(c.attributes).hasSize(74).allMatch(a -> a.object() != null);
        assertThat(c.attributes.stream().map(a -> a.object().uuid()).distinct()).hasSize(17);
        assertThat(c.attributes.stream().filter(MispAttribute::toIds)).hasSize(21);
        MispAttribute attachment = c.attributes.stream().filter(MispAttribute::hasData).findFirst().orElseThrow();
        assertThat(attachment.type()).isEqualTo("attachment");
        assertThat(attachment.object().name()).isEqualTo("original-imported-file");
        assertThat(attachment.objectRelation()).isEqualTo("imported-sample");
    }

    @Test
    void xoristFeedEventWithCompositeAttribute() throws IOException {
        Collected c = readFixture("pymisp-57c4445b-xorist-feed-event.json");

        MispEventSummary e = c.events.get(0);
        assertThat(e.id()).isNull();
        assertThat(e.idOrUuid()).isEqualTo("57c4445b-c548-4654-af0b-4be3950d210f");
        assertThat(e.analysis()).isEqualTo(2);
        assertThat(e.tagNames()).hasSize(4).contains("tlp:white");
        assertThat(c.attributes).hasSize(9);
        assertThat(c.attributes.stream().filter(MispAttribute::toIds)).hasSize(5);
        MispAttribute regkey = c.attributes.stream().filter(a -> a.type().equals("regkey|value")).findFirst().orElseThrow();
        assertThat(regkey.isComposite()).isTrue();
        assertThat(regkey.valueParts()).hasSize(2);
        assertThat(c.attributes.stream().filter(a -> a.type().equals("text")).findFirst().orElseThrow().value())
                .contains("Encryption rounds:8,\r\n");
    }

    @Test
    void restSearchCollectionsHoldTwoEventsEach() throws IOException {
        Collected first = readFixture("misp-stix-restsearch-events_collection_1.json");
        Collected second = readFixture("misp-stix-restsearch-events_collection_2.json");

        assertThat(first.events).extracting(MispEventSummary::uuid)
                .containsExactly("e2e6a6ea-f69b-4d93-8564-f51d67cafe51", "d402185f-c129-4f65-8678-43edb2cee1cf");
        assertThat(first.counts).containsExactly(1L, 1L);
        assertThat(first.attributes.get(0).type()).isEqualTo("AS");
        assertThat(first.attributes.get(0).value()).isEqualTo("AS174");
        assertThat(second.events).hasSize(2);
        MispAttribute domainIp = second.attributes.get(0);
        assertThat(domainIp.type()).isEqualTo("domain|ip");
        assertThat(domainIp.valueParts()).containsExactly("circl.lu", "149.13.33.14");
        assertThat(domainIp.toIds()).isTrue();
        assertThat(domainIp.comment()).isEqualTo("Domain|ip test attribute");
    }

    @Test
    void feedEvent() throws IOException {
        Collected c = readFixture("feed-misp-project/56bf399d-c46c-4fdb-a9cf-d9bb02de0b81.json");

        assertThat(c.events.get(0).tagNames()).containsExactly("type:OSINT", "tlp:white");
        assertThat(c.attributes).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo("link"));
    }

    @Test
    void eventIndexesGiveSummariesWithEventTags() throws IOException {
        List<MispEventSummary> thehive = new ArrayList<>();
        try (InputStream in = Files.newInputStream(MispFixtures.file("thehive-misp-events_index.json"))) {
            assertThat(reader.readIndex(in, thehive::add)).isEqualTo(5);
        }
        assertThat(thehive).extracting(MispEventSummary::id).containsExactly("5", "4", "3", "2", "1");
        assertThat(thehive.get(0).attributeCount()).isEqualTo(3);
        assertThat(thehive.get(0).extendsUuid()).isEqualTo("5d6fb6af-1c60-482d-86db-65b1c0a83866");
        assertThat(thehive.get(1).extendsUuid()).isNull();
        assertThat(thehive.get(4).tagNames()).containsExactly("TH-test", "TH-test-2");
        assertThat(thehive.get(4).published()).isTrue();

        List<MispEventSummary> pymisp = new ArrayList<>();
        try (InputStream in = Files.newInputStream(MispFixtures.file("pymisp-search_index_result.json"))) {
            reader.readIndex(in, pymisp::add);
        }
        assertThat(pymisp).singleElement().satisfies(s -> {
            assertThat(s.tagNames()).containsExactly("TLP:GREEN", "for_intelmq_processing",
                    "ecsirt:malicious-code=\"ransomware\"");
            assertThat(s.org().name()).isEqualTo("ORGNAME");
            assertThat(s.threatLevelId()).isEqualTo(1);
        });
    }

    @Test
    void attributeSearchResultWithObjectStubs() throws IOException {
        List<MispAttribute> attributes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(MispFixtures.file("thehive-misp-attributes_restsearch.json"))) {
            assertThat(reader.readAttributes(in, attributes::add)).isEqualTo(12);
        }
        MispAttribute sample = attributes.get(0);
        assertThat(sample.type()).isEqualTo("malware-sample");
        assertThat(sample.isFile()).isTrue();
        assertThat(sample.fileName()).isEqualTo("Alert_statistics.json");
        assertThat(sample.eventId()).isEqualTo("1");
        assertThat(sample.object().id()).isEqualTo("2");
        assertThat(attributes.get(11).type()).isEqualTo("ip-src");
        assertThat(attributes.get(11).object()).isNull();

        List<MispAttribute> wrapped = new ArrayList<>();
        reader.readAttributes(new ByteArrayInputStream(
                "{\"response\":{\"Attribute\":[{\"type\":\"md5\",\"value\":\"x\",\"deleted\":\"1\"}]}}".getBytes()), wrapped::add);
        assertThat(wrapped).singleElement().satisfies(a -> assertThat(a.deleted()).isTrue());
    }

    @Test
    void severalEventsOfOneAnswerEachGoToTheListenerGivenWhenTheyBegin() throws IOException {
        List<String> started = new ArrayList<>();
        java.util.Map<String, Collected> byEvent = new java.util.LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(MispFixtures.sample("restsearch-rat-and-ransomware.json"))) {
            long events = reader.readEvents(in, (id, uuid) -> {
                started.add(uuid);
                return byEvent.computeIfAbsent(uuid, k -> new Collected());
            });
            assertThat(events).isEqualTo(2);
        }
        assertThat(started).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        byEvent.forEach((uuid, c) -> {
            assertThat(c.events).singleElement().satisfies(e -> assertThat(e.uuid()).isEqualTo(uuid));
            assertThat(c.attributes).hasSize(c.counts.get(0).intValue());
        });
        assertThat(byEvent.values().iterator().next().attributes.get(0).type()).isEqualTo("ip-dst");
    }

    @Test
    void anEventIsAnnouncedWithTheIdAndUuidWrittenBeforeItsAttributes() {
        List<String> started = new ArrayList<>();
        reader.readEvents(new ByteArrayInputStream(("{\"response\":[{\"Event\":{\"id\":\"7\",\"uuid\":\"u7\","
                + "\"Attribute\":[{\"type\":\"md5\",\"value\":\"a\"}]}},{\"Event\":{\"Attribute\":[],\"id\":\"8\"}},"
                + "{\"Event\":{\"uuid\":\"u9\",\"info\":\"no attributes\"}}]}").getBytes(StandardCharsets.UTF_8)),
                (id, uuid) -> {
                    started.add(id + "/" + uuid);
                    return new Collected();
                });
        // sorted keys put the attributes first: the event is announced without its id
        assertThat(started).containsExactly("7/u7", "null/null", "null/u9");
    }

    @Test
    void objectWhoseFieldsComeFirstStreamsItsAttributesWithTheObject() {
        Collected c = readString("{\"Event\":{\"uuid\":\"e1\",\"Object\":[{\"uuid\":\"o1\",\"name\":\"file\","
                + "\"deleted\":true,\"Attribute\":[{\"type\":\"md5\",\"value\":\"abc\",\"to_ids\":\"1\"}]}],"
                + "\"Tag\":[{\"name\":\"TLP:AMBER\"}],\"timestamp\":42}}");

        assertThat(c.attributes).singleElement().satisfies(a -> {
            assertThat(a.object().uuid()).isEqualTo("o1");
            assertThat(a.deleted()).as("attribute of a deleted object").isTrue();
            assertThat(a.toIds()).isTrue();
        });
        assertThat(c.events.get(0).timestamp()).isEqualTo(42);
        assertThat(c.events.get(0).tagNames()).containsExactly("TLP:AMBER");
    }

    @Test
    void truncatedJsonNamesWhereItStopped() throws IOException {
        byte[] full = Files.readAllBytes(MispFixtures.sample("event-webmail-phishing.json"));
        byte[] cut = Arrays.copyOf(full, full.length / 2);

        Collected c = new Collected();
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(cut), c))
                .isInstanceOf(MispFormatException.class)
                .hasMessageContaining("end-of-input")
                .hasMessageContaining("byte offset " + cut.length)
                .satisfies(e -> assertThat(((MispFormatException) e).jsonPath()).startsWith("/"));
        assertThat(c.events).as("no event is reported complete").isEmpty();
    }

    @Test
    void garbageAndWrongShapesAreRejectedPrecisely() {
        assertThatThrownBy(() -> readString("<html>502 Bad Gateway</html>"))
                .isInstanceOf(MispFormatException.class).hasMessageContaining("line 1, column 1");
        assertThatThrownBy(() -> readString(""))
                .isInstanceOf(MispFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> readString("{\"Event\":{\"Attribute\":[{\"type\":\"ip-dst\",\"to_ids\":\"maybe\"}]}}"))
                .isInstanceOf(MispFormatException.class)
                .hasMessageContaining("/Event/Attribute/0/to_ids")
                .hasMessageContaining("expected a boolean for 'to_ids' but found 'maybe'");
        assertThatThrownBy(() -> readString("{\"Event\":{\"timestamp\":\"yesterday\"}}"))
                .isInstanceOf(MispFormatException.class).hasMessageContaining("epoch seconds");
        assertThatThrownBy(() -> readString("{\"Event\":{\"info\":\"x\"}} trailing"))
                .isInstanceOf(MispFormatException.class);
        assertThatThrownBy(() -> readString("{\"name\":\"Not Found\",\"message\":\"Not Found\",\"url\":\"/events/view/9\"}"))
                .isInstanceOf(MispFormatException.class).hasMessageContaining("'uuid' or an 'id'");
        assertThatThrownBy(() -> readString("{\"Event\":{\"uuid\":\"a\"}, \"Event\":{}}"))
                .isInstanceOf(MispFormatException.class);
        assertThatThrownBy(() -> readString("{\"Event\":{\"Attribute\":[{\"value\":\"no type\"}]}}"))
                .isInstanceOf(MispFormatException.class).hasMessageContaining("'type'");
    }
}
