package io.sightline.testkit.misp;

import io.sightline.integrations.misp.MispApiException;
import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.MispEventQuery;
import io.sightline.integrations.misp.MispSearchResult;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEvent;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.model.MispEventUpdate;
import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispNewEvent;
import io.sightline.integrations.misp.model.MispSample;
import io.sightline.integrations.misp.reading.MispEventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MispClientTest {

    MispEmulator misp;
    MispClient client;

    @BeforeEach
    void start() {
        misp = MispEmulator.start();
        client = MispTestSupport.client(misp);
    }

    @AfterEach
    void stop() {
        misp.close();
    }

    /** Adds an event with a given modification time, creator org, tags and published flag. */
    private String event(String info, long timestamp, String org, boolean published, String... tags) {
        ObjectNode e = MispEmulatorStore.JSON.createObjectNode();
        e.put("info", info);
        e.put("timestamp", String.valueOf(timestamp));
        e.put("published", published);
        e.putObject("Orgc").put("name", org);
        for (String tag : tags) {
            e.withArray("Tag").addObject().put("name", tag);
        }
        ObjectNode a = e.withArray("Attribute").addObject();
        a.put("type", "ip-dst");
        a.put("category", "Network activity");
        a.put("value", "10.0.0." + (timestamp % 250));
        a.put("to_ids", true);
        return misp.store().add(e);
    }

    private List<MispEventSummary> search(MispEventQuery query) {
        List<MispEventSummary> events = new ArrayList<>();
        client.searchEvents(query, events::add);
        return events;
    }

    @Test
    void versionUserAndOrganisation() {
        assertThat(client.version().version()).isEqualTo("2.5.17");
        assertThat(client.currentUser().email()).isEqualTo("admin@emulator.test");
        assertThat(client.keyOrganisation().name()).isEqualTo("ORGNAME");
        assertThat(misp.requestCount("GET /servers/getVersion")).isEqualTo(1);
    }

    @Test
    void incrementalSearchPagesByTimestampInOrderWithoutGapOrRepeat() {
        // 25 events over 20 distinct seconds: several share a timestamp across page boundaries
        List<String> ids = IntStream.range(0, 25).mapToObj(i -> event("e" + i, 1_000 + (i * 4 / 5), "CIRCL", true)).toList();

        List<MispEventSummary> first = new ArrayList<>();
        MispSearchResult result = client.searchEvents(MispEventQuery.builder().pageSize(4).build(), first::add);

        assertThat(first).extracting(MispEventSummary::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first).extracting(MispEventSummary::timestamp).isSorted();
        assertThat(result.delivered()).isEqualTo(25);
        assertThat(result.pages()).isGreaterThan(6);
        assertThat(result.lastTimestamp()).isEqualTo(1_019);

        // resume from a checkpoint in the middle: events of that second come again, older ones do not
        List<MispEventSummary> resumed = search(MispEventQuery.builder().since(Instant.ofEpochSecond(1_010)).pageSize(4).build());
        assertThat(resumed).extracting(MispEventSummary::timestamp).allMatch(t -> t >= 1_010).isSorted();
        assertThat(resumed).hasSize((int) first.stream().filter(e -> e.timestamp() >= 1_010).count());

        // an event modified after the checkpoint shows up in the next sync
        misp.store().touch(ids.get(0), 2_000);
        assertThat(search(MispEventQuery.builder().since(Instant.ofEpochSecond(1_020)).build()))
                .extracting(MispEventSummary::id).containsExactly(ids.get(0));
    }

    @Test
    void severalFullEventsInOneRequestEachWithItsOwnAttributes() {
        String a = event("a", 300, "CIRCL", true);
        String b = event("b", 100, "CIRCL", true);
        String big = misp.store().addGenerated("generated", 50, 200, List.of("tlp:green"));
        List<String> started = new ArrayList<>();
        java.util.Map<String, List<MispAttribute>> attributes = new java.util.HashMap<>();

        long read = client.fetchEvents(List.of(big, b, a, "999999"), (id, uuid) -> {
            started.add(id);
            return attributes.computeIfAbsent(id, k -> new ArrayList<>())::add;
        });

        assertThat(read).as("the unknown id is left out").isEqualTo(3);
        assertThat(started).as("MISP's order, not the index's nor the request's").containsExactly(a, b, big);
        assertThat(attributes.get(big)).hasSize(50).allSatisfy(x -> assertThat(x.eventId()).isEqualTo(big));
        assertThat(attributes.get(a)).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo("10.0.0.50"));
        assertThat(misp.requestCount("POST /events/restSearch")).isEqualTo(1);
        assertThat(misp.eventsServed()).isEqualTo(3);
        assertThat(misp.eventsServed(big)).isEqualTo(1);
    }

    @Test
    void moreEventsInOneSecondThanAPageStillAllArriveOnce() {
        List<String> ids = IntStream.range(0, 11).mapToObj(i -> event("same second " + i, 5_000, "CIRCL", true)).toList();

        List<MispEventSummary> events = search(MispEventQuery.builder().pageSize(3).build());

        assertThat(events).extracting(MispEventSummary::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void filtersReallyFilter() {
        String green = event("green", 100, "CIRCL", true, "tlp:green", "malware");
        String red = event("red", 101, "CIRCL", true, "TLP:RED");
        String other = event("other org", 102, "OtherOrg", true, "malware");
        String draft = event("unpublished", 103, "CIRCL", false, "malware");
        String old = event("old", 10, "CIRCL", true, "malware");

        assertThat(search(MispEventQuery.builder().includeTags(List.of("malware")).build()))
                .extracting(MispEventSummary::id).containsExactlyInAnyOrder(green, other, draft, old);
        assertThat(search(MispEventQuery.builder().excludeTags(List.of("tlp:red")).build()))
                .extracting(MispEventSummary::id).containsExactlyInAnyOrder(green, other, draft, old);
        assertThat(search(MispEventQuery.builder().includeOrgs(List.of("OtherOrg")).build()))
                .extracting(MispEventSummary::id).containsExactly(other);
        assertThat(search(MispEventQuery.builder().excludeOrgs(List.of("OtherOrg")).build()))
                .extracting(MispEventSummary::id).containsExactlyInAnyOrder(green, red, draft, old);
        assertThat(search(MispEventQuery.builder().publishedOnly(true).build()))
                .extracting(MispEventSummary::id).containsExactlyInAnyOrder(green, red, other, old);
        assertThat(search(MispEventQuery.builder().since(Instant.ofEpochSecond(101)).build()))
                .extracting(MispEventSummary::id).containsExactly(red, other, draft);
        // max age is measured from now: everything here is decades old
        assertThat(search(MispEventQuery.builder().maxAge(Duration.ofDays(1)).build())).isEmpty();
    }

    @Test
    void eventsOverTheAttributeLimitAreSkippedAndCounted() {
        String small = event("small", 100, "CIRCL", true);
        misp.store().addGenerated("big", 50, 101, List.of());

        List<MispEventSummary> events = new ArrayList<>();
        MispSearchResult result = client.searchEvents(MispEventQuery.builder().maxAttributes(10).build(), events::add);

        assertThat(events).extracting(MispEventSummary::id).containsExactly(small);
        assertThat(result.skippedTooLarge()).isEqualTo(1);
        assertThat(result.lastTimestamp()).isEqualTo(101);
    }

    @Test
    void createThenUpdateEventAddingAndDeletingAttributes() {
        MispEvent created = client.createEvent(new MispNewEvent("Case #12: phishing", LocalDate.of(2026, 11, 1), 2, 0, 0,
                false, List.of("tlp:amber", "sightline:case=12"), List.of(
                new MispNewAttribute("ip-dst", "Network activity", "203.0.113.7", true, "C2", null, List.of()),
                new MispNewAttribute("domain", "Network activity", "evil.example", true, "", null, List.of("tlp:red"))), null));

        String id = created.summary().id();
        assertThat(created.summary().info()).isEqualTo("Case #12: phishing");
        assertThat(created.summary().orgc().name()).isEqualTo("ORGNAME");
        assertThat(created.summary().tagNames()).containsExactly("tlp:amber", "sightline:case=12");
        assertThat(created.attributes()).extracting(MispAttribute::value).containsExactly("203.0.113.7", "evil.example");
        assertThat(created.attributes()).allMatch(a -> a.uuid() != null && a.id() != null);

        MispAttribute added = client.addAttribute(id, new MispNewAttribute("md5", "Payload delivery",
                "d41d8cd98f00b204e9800998ecf8427e", true, "dropper", null, List.of()));
        client.deleteAttribute(created.attributes().get(0).uuid(), false);
        client.addTag(created.summary().uuid(), "exported-by:sightline", false);
        client.removeTag(created.summary().uuid(), "tlp:amber");
        client.addTag(added.uuid(), "tlp:green", false);
        MispEventSummary edited = client.editEvent(id, new MispEventUpdate("Case #12: phishing (update)", null, 1, 2, null, null));

        assertThat(edited.info()).isEqualTo("Case #12: phishing (update)");
        assertThat(edited.threatLevelId()).isEqualTo(1);
        assertThat(edited.tagNames()).containsExactly("sightline:case=12", "exported-by:sightline");

        List<MispAttribute> live = new ArrayList<>();
        client.fetchEvent(id, false, (MispEventListener) live::add);
        assertThat(live).extracting(MispAttribute::value).containsExactly("evil.example", "d41d8cd98f00b204e9800998ecf8427e");
        assertThat(live.get(1).tagNames()).containsExactly("tlp:green");
        List<MispAttribute> withDeleted = new ArrayList<>();
        client.fetchEvent(id, true, (MispEventListener) withDeleted::add);
        assertThat(withDeleted).filteredOn(MispAttribute::deleted).extracting(MispAttribute::value).containsExactly("203.0.113.7");

        assertThat(misp.store().writes()).containsExactly(
                "create event " + id,
                "add attribute " + added.id() + " md5 d41d8cd98f00b204e9800998ecf8427e to event " + id,
                "delete attribute " + created.attributes().get(0).id() + " of event " + id,
                "tag event " + id + " exported-by:sightline",
                "untag event " + id + " tlp:amber",
                "tag attribute " + added.id() + " tlp:green",
                "edit event " + id);
        JsonNode stored = misp.store().event(id).orElseThrow();
        assertThat(stored.path("attribute_count").asString()).isEqualTo("2");
    }

    @Test
    void reExportUpdatesTheSameEventAndIsIdempotent() {
        MispNewAttribute ip = new MispNewAttribute("ip-dst", "Network activity", "203.0.113.7", true, "", null, List.of());
        MispNewAttribute domain = new MispNewAttribute("domain", "Network activity", "evil.example", true, "", null, List.of());
        MispNewAttribute hash = new MispNewAttribute("md5", "Payload delivery", "d41d8cd98f00b204e9800998ecf8427e", true, "", null, List.of());
        String id = client.createEvent(new MispNewEvent("case 7", LocalDate.of(2026, 2, 3), 2, 0, 0, false, List.of(),
                List.of(ip, domain), null)).summary().id();

        var plan = client.syncAttributes(id, List.of(domain, hash));
        var again = client.syncAttributes(id, List.of(domain, hash));

        assertThat(plan.toAdd()).containsExactly(hash);
        assertThat(plan.toDelete()).hasSize(1);
        assertThat(plan.kept()).isEqualTo(1);
        assertThat(again.isEmpty()).isTrue();
        List<MispAttribute> live = new ArrayList<>();
        client.fetchEvent(id, false, (MispEventListener) live::add);
        assertThat(live).extracting(MispAttribute::value).containsExactly("evil.example", "d41d8cd98f00b204e9800998ecf8427e");
        assertThat(misp.store().eventIds()).containsExactly(id);
    }

    @Test
    void samplesAndAttachmentsAreUploadedStreamedAndDownloadable(@TempDir Path dir) throws Exception {
        String id = client.createEvent(new MispNewEvent("with files", LocalDate.of(2026, 1, 2), 3, 0, 0, false,
                List.of(), List.of(), null)).summary().id();
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("evil.exe"), content);

        String message = client.uploadSample(id, new MispSample(file, "evil.exe", MispSample.Kind.MALWARE_SAMPLE,
                null, "from case 12", true));
        client.uploadSample(id, new MispSample(file, "report.bin", MispSample.Kind.ATTACHMENT, "External analysis", "", false));

        assertThat(message).isEqualTo("Success, saved all attributes.");
        List<MispAttribute> attributes = new ArrayList<>();
        client.fetchEvent(id, false, (MispEventListener) attributes::add);
        assertThat(attributes).extracting(MispAttribute::type).containsExactly("malware-sample", "attachment");
        MispAttribute sample = attributes.get(0);
        assertThat(sample.fileName()).isEqualTo("evil.exe");
        assertThat(sample.value()).matches("evil\\.exe\\|[0-9a-f]{32}");
        assertThat(sample.comment()).isEqualTo("from case 12");
        assertThat(attributes.get(1).category()).isEqualTo("External analysis");

        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        assertThat(client.downloadAttachment(sample.id(), downloaded)).isEqualTo(content.length);
        assertThat(downloaded.toByteArray()).isEqualTo(content);
        assertThat(misp.requestCount("POST /events/upload_sample")).isEqualTo(1);
    }

    @Test
    void mispsOwnReasonIsShownWhenItRefuses() {
        assertThatThrownBy(() -> client.createEvent(new MispNewEvent(" ", LocalDate.of(2026, 1, 1), 4, 0, 0, false,
                List.of(), List.of(), null)))
                .isInstanceOf(MispApiException.class)
                .hasMessageContaining("MISP refused to create the event")
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("Could not add Event")
                .hasMessageContaining("Info cannot be empty.")
                .satisfies(e -> {
                    MispApiException refusal = (MispApiException) e;
                    assertThat(refusal.status()).isEqualTo(403);
                    assertThat(refusal.mispMessage()).isEqualTo("The event could not be saved.");
                    assertThat(refusal.errors()).contains("\"info\"");
                });

        assertThatThrownBy(() -> client.addAttribute("999", new MispNewAttribute("ip-dst", "Network activity", "1.2.3.4",
                true, "", null, List.of())))
                .isInstanceOf(MispApiException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("Invalid event");

        String id = event("target", 100, "CIRCL", true);
        assertThatThrownBy(() -> client.addAttribute(id, new MispNewAttribute("ip-dst", "Network activity", "", true, "", null, List.of())))
                .isInstanceOf(MispApiException.class)
                .hasMessageContaining("Value not set.");
    }
}
