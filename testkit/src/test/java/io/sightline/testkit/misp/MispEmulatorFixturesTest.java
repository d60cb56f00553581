package io.sightline.testkit.misp;

import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.MispEventQuery;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.reading.MispEventListener;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.testkit.samples.NeedsPublicSamples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every real fixture loads into the emulator and comes back through the client unchanged. */
@NeedsPublicSamples
class MispEmulatorFixturesTest {

    static MispEmulator misp;
    static MispClient client;

    @BeforeAll
    static void start() {
        misp = MispEmulator.start(MispEmulator.Options.defaults().load(MispTestSupport.fixtures()));
        client = MispTestSupport.client(misp);
    }

    @AfterAll
    static void stop() {
        misp.close();
    }

    private static List<MispEventSummary> all() {
        List<MispEventSummary> events = new ArrayList<>();
        client.searchEvents(MispEventQuery.builder().pageSize(5).build(), events::add);
        return events;
    }

    private static MispEventSummary byUuid(String uuid) {
        return all().stream().filter(e -> e.uuid().equals(uuid)).findFirst().orElseThrow();
    }

    private static List<MispAttribute> attributes(String idOrUuid) {
        List<MispAttribute> attributes = new ArrayList<>();
        client.fetchEvent(idOrUuid, false, (MispEventListener) attributes::add);
        return attributes;
    }

    @Test
    void everyFixtureFileLoads() {
        // sednit, samsam, xorist, 4 restSearch events, 1 feed event, 5 + 1 index events,
        // the attribute search result adds its attributes to 4 of the TheHive index events (same server)
        assertThat(misp.store().eventIds()).hasSize(14);
        assertThat(all()).hasSize(14).extracting(MispEventSummary::uuid).doesNotHaveDuplicates();
    }

    @Test
    void sednitServedWithAllAttributesObjectsAndTags() {
        MispEventSummary sednit = byUuid("5a3c2fcd-8328-42bb-a95e-4f4402de0b81");
        assertThat(sednit.id()).isEqualTo("9747");
        assertThat(sednit.tags()).hasSize(18);
        assertThat(sednit.attributeCount()).isEqualTo(122);
        assertThat(sednit.orgc().name()).isEqualTo("CIRCL");

        List<MispAttribute> attributes = attributes("9747");
        assertThat(attributes).hasSize(122);
        assertThat(attributes.stream().filter(a -> a.object() != null)).hasSize(113);
        assertThat(attributes.stream().filter(MispAttribute::toIds)).hasSize(83);
    }

    @Test
    void samsamXoristFeedAndCollectionsServed() {
        assertThat(attributes("5c066053-0e94-46eb-9746-4b7d950d210f")).hasSize(74).allMatch(a -> a.object() != null);
        assertThat(attributes("57c4445b-c548-4654-af0b-4be3950d210f")).hasSize(9)
                .anySatisfy(a -> assertThat(a.type()).isEqualTo("regkey|value"));
        assertThat(attributes("56bf399d-c46c-4fdb-a9cf-d9bb02de0b81")).singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo("link"));
        assertThat(attributes("50bf87fc-d134-499f-9e26-806cbe89ed37")).singleElement()
                .satisfies(a -> assertThat(a.value()).isEqualTo("circl.lu|149.13.33.14"));
        assertThat(byUuid("57c4445b-c548-4654-af0b-4be3950d210f").tagNames()).contains("tlp:white");
    }

    @Test
    void attributeSearchResultRebuiltIntoEvents() {
        MispEventSummary test1 = byUuid("5d5fd392-1528-457a-bb8a-0453c0a83866");
        List<MispAttribute> attributes = attributes(test1.id());
        assertThat(attributes).extracting(MispAttribute::type)
                .containsExactly("malware-sample", "md5", "sha1", "sha256", "size-in-bytes", "attachment", "filename");
    }

    @Test
    void rawIndexPagesLikeMispWithTotalCountAndNewestFirst() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(misp.baseUrl() + "/events/index"))
                        .header("Authorization", misp.apiKey()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"limit\":5,\"page\":3}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Result-Count")).hasValue("14");
        JsonNode page = MispEmulatorStore.JSON.readTree(answer.body());
        assertThat(page.size()).isEqualTo(4);
        List<Long> timestamps = new ArrayList<>();
        page.forEach(e -> timestamps.add(Long.parseLong(e.path("timestamp").asString())));
        assertThat(timestamps).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(page.get(0).has("EventTag")).isTrue();
        assertThat(page.get(0).has("Attribute")).isFalse();
    }

    @Test
    void indexFixturesServedAsMetadata() {
        MispEventSummary indexed = byUuid("5758ebf5-c898-48e6-9fe9-5665c0a83866");
        assertThat(indexed.tagNames()).containsExactly("TLP:GREEN", "for_intelmq_processing",
                "ecsirt:malicious-code=\"ransomware\"");
        assertThat(indexed.info()).isEqualTo("Another random Event");
    }
}
