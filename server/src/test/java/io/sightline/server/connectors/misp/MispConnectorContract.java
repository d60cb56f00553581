package io.sightline.server.connectors.misp;

import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispSample;
import io.sightline.integrations.misp.reading.MispEventListener;

import io.sightline.server.support.TestApi;
import io.sightline.testkit.samples.NeedsPublicSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.sightline.server.connectors.misp.MispTesting.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MISP connector end to end against the emulator loaded with the public samples: import,
 * incremental sync, updates and deletions, analyst changes kept, case updates, export and
 * re-export, status. Run on H2 and on PostgreSQL.
 */
@NeedsPublicSamples
abstract class MispConnectorContract extends MispHubTest {

    protected abstract MispTesting.Misp misp();

    @Test
    void realFixtureEventImportedWithItsObservables() {
        syncAndWait();
        JsonNode sednit = alert("9747");
        assertThat(sednit.path("type").asString()).isEqualTo("misp");
        assertThat(sednit.path("source").asString()).isEqualTo("ORGNAME");
        assertThat(sednit.path("title").asString()).isEqualTo("#9747 OSINT - Sednit update: How Fancy Bear Spent the Year");
        assertThat(sednit.path("severity").asInt()).isEqualTo(1);
        assertThat(sednit.path("tlp").asInt()).isZero();
        assertThat(strings(sednit.path("tags"))).contains("src:CIRCL", "tlp:white", "misp-galaxy:threat-actor=\"Sofacy\"");

        List<JsonNode> observables = alertObservables("9747");
        assertThat(observables.stream().filter(o -> o.path("dataType").asString().equals("domain"))).hasSize(18);
        assertThat(observables.stream().filter(o -> o.path("dataType").asString().equals("hash"))).hasSize(37);
        JsonNode domain = observables.stream().filter(o -> o.path("data").asString().equals("movieultimate.com")).findFirst().orElseThrow();
        assertThat(domain.path("ioc").asBoolean()).isTrue();
        assertThat(domain.path("message").asString()).isEqualTo("Xagent Samples");
        assertThat(strings(domain.path("tags"))).contains("misp.category=\"Network activity\"", "misp.type=\"domain\"");
        JsonNode link = observables.stream().filter(o -> o.path("dataType").asString().equals("url")).findFirst().orElseThrow();
        assertThat(link.path("ioc").asBoolean()).isFalse();
        assertThat(strings(link.path("tags"))).contains("osint:source-type=\"blog-post\"");
        // no value twice in one alert
        assertThat(observables.stream().map(o -> o.path("dataType").asString() + " " + o.path("data").asString()))
                .doesNotHaveDuplicates();
    }

    @Test
    void incrementalSyncFetchesOnlyChangedEventsAndStoresMispTimestamp() {
        syncAndWait();
        long fetchesBefore = misp().emulator.eventsServed();
        String id = misp().addEvent(UUID.randomUUID().toString(), "incremental", List.of("tlp:green"),
                attribute("ip-dst", "Network activity", "198.51.100.7", true));
        long timestamp = misp().clock.get();
        syncAndWait();
        assertThat(misp().emulator.eventsServed() - fetchesBefore).isEqualTo(1);
        assertThat(misp().emulator.eventsServed(id)).isEqualTo(1);
        assertThat(values(alertObservables(id))).containsExactly("198.51.100.7");
        assertThat(alert(id).path("tlp").asInt()).isEqualTo(1);
        var checkpoint = admin.get("/api/v1/connector/misp/checkpoint").json().get(0);
        assertThat(checkpoint.path("value").asString()).isEqualTo(Long.toString(timestamp));

        syncAndWait(); // nothing changed: nothing fetched again
        assertThat(misp().emulator.eventsServed() - fetchesBefore).isEqualTo(1);
    }

    @Test
    void eventsAnsweredOutOfListedOrderOrDeletedSinceListedAreAllAccountedFor() {
        syncAndWait();
        String older = misp().addEvent(UUID.randomUUID().toString(), "modified last", List.of(),
                attribute("domain", "Network activity", "modified-last.example.org", true));
        String gone = misp().addEvent(UUID.randomUUID().toString(), "deleted while listed", List.of(),
                attribute("domain", "Network activity", "deleted.example.org", true));
        String newer = misp().addEvent(UUID.randomUUID().toString(), "created last", List.of(),
                attribute("domain", "Network activity", "created-last.example.org", true));
        // listed by modification (newer, then older), answered by id (older first)
        misp().emulator.store().touch(older, misp().tick());
        long goneBefore = counter(health(), "eventsGone");
        long searches = misp().emulator.requestCount("POST /events/restSearch");
        misp().emulator.faults().slow("/events/restSearch", 1, java.time.Duration.ofSeconds(2));

        long asked = requestSync();
        MispTesting.await("the page of events asked for",
                () -> misp().emulator.requestCount("POST /events/restSearch") > searches);
        misp().emulator.store().delete(gone); // MISP leaves it out of the answer; alone, it is 404
        JsonNode health = awaitSync(asked);

        assertThat(values(alertObservables(older))).containsExactly("modified-last.example.org");
        assertThat(values(alertObservables(newer))).containsExactly("created-last.example.org");
        assertThat(hasAlert(gone)).isFalse();
        assertThat(counter(health, "eventsGone") - goneBefore).isEqualTo(1);
        assertThat(admin.get("/api/v1/connector/misp/checkpoint").json().get(0).path("value").asString())
                .isEqualTo(Long.toString(misp().clock.get()));
    }

    private JsonNode health() {
        return admin.get("/api/v1/connector/misp").json();
    }

    private static long counter(JsonNode health, String name) {
        return health.path("partitions").get(0).path("counters").path(name).asLong(0);
    }

    @Test
    void theFileOfAnEventIsDownloadedAndTheEventsListedAfterItStillImport(@TempDir java.nio.file.Path dir) throws Exception {
        syncAndWait();
        String withFile = misp().addEvent(UUID.randomUUID().toString(), "with an attachment", List.of(),
                attribute("domain", "Network activity", "attachment-host.example.org", true));
        java.nio.file.Path file = dir.resolve("report.txt");
        java.nio.file.Files.writeString(file, "the attached report");
        misp().tick();
        misp().client().uploadSample(withFile, new MispSample(file, "report.txt", MispSample.Kind.ATTACHMENT,
                "External analysis", "", false));
        String after = misp().addEvent(UUID.randomUUID().toString(), "listed after it", List.of(),
                attribute("domain", "Network activity", "after-attachment.example.org", true));

        syncAndWait();

        JsonNode attached = alertObservables(withFile).stream().filter(o -> o.has("attachment")).findFirst().orElseThrow();
        assertThat(attached.path("attachment").path("name").asString()).isEqualTo("report.txt");
        assertThat(attached.path("attachment").path("size").asLong()).isEqualTo("the attached report".length());
        assertThat(values(alertObservables(withFile))).contains("attachment-host.example.org");
        assertThat(values(alertObservables(after))).containsExactly("after-attachment.example.org");
        assertThat(admin.get("/api/v1/connector/misp/checkpoint").json().get(0).path("value").asString())
                .isEqualTo(Long.toString(misp().clock.get()));
    }

    @Test
    void anAlertAlreadyMadeForAnEventIsCompletedNotDuplicated() {
        String id = misp().addEvent(UUID.randomUUID().toString(), "alert made by hand first", List.of("tlp:amber"),
                attribute("ip-dst", "Network activity", "198.51.100.99", true));
        var made = admin.post("/api/v1/alert", Map.of("type", "misp", "source", "ORGNAME", "sourceRef", id,
                "title", "typed in by an analyst", "description", "before the import", "tags", List.of("by-hand")));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);

        syncAndWait();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE source_ref = ?").param(id).query(Long.class).single()).isEqualTo(1);
        JsonNode alert = alert(id);
        assertThat(alert.path("_id").asString()).isEqualTo(made.json().path("_id").asString());
        assertThat(alert.path("title").asString()).isEqualTo("#" + id + " alert made by hand first");
        assertThat(strings(alert.path("tags"))).contains("by-hand", "tlp:amber");
        assertThat(values(alertObservables(id))).containsExactly("198.51.100.99");
    }

    @Test
    void updateRemovesDeletedAttributesAndKeepsAnalystChanges() {
        String uuid = UUID.randomUUID().toString();
        String id = misp().addEvent(uuid, "to be updated", List.of("tlp:amber", "old-misp-tag"),
                attribute("domain", "Network activity", "keep.example.org", true),
                attribute("domain", "Network activity", "gone.example.org", true),
                attribute("md5", "Payload delivery", "0123456789abcdef0123456789abcdef", false));
        syncAndWait();
        String alertId = alert(id).get("_id").asString();
        var patched = admin.patch("/api/v1/alert/" + alertId, Map.of("status", "Ignored", "read", true, "follow", false,
                "tags", List.of("src:ORGNAME", "tlp:amber", "old-misp-tag", "analyst-tag")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        MispClient client = misp().client();
        List<MispAttribute> attributes = new ArrayList<>();
        client.fetchEvent(id, false, (MispEventListener) attributes::add);
        misp().tick();
        client.deleteAttribute(attributes.stream().filter(a -> a.value().equals("gone.example.org")).findFirst()
                .orElseThrow().uuid(), false);
        misp().tick();
        client.addAttribute(id, new MispNewAttribute("url", "Network activity", "https://new.example.org/x", true, "added", null, List.of()));
        misp().tick();
        client.removeTag(uuid, "old-misp-tag");
        client.addTag(uuid, "new-misp-tag", false);
        syncAndWait();

        assertThat(values(alertObservables(id))).containsExactlyInAnyOrder("keep.example.org",
                "0123456789abcdef0123456789abcdef", "https://new.example.org/x");
        JsonNode alert = alert(id);
        assertThat(alert.path("status").asString()).isEqualTo("Ignored");
        assertThat(alert.path("read").asBoolean()).isTrue();
        assertThat(alert.path("follow").asBoolean()).isFalse();
        assertThat(strings(alert.path("tags"))).contains("analyst-tag", "new-misp-tag").doesNotContain("old-misp-tag");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE source_ref = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void observablesTheImportAddsToACaseAreAuditedOnceEach() {
        String id = misp().addEvent(UUID.randomUUID().toString(), "audited", List.of(),
                attribute("ip-dst", "Network activity", "203.0.113.20", true));
        syncAndWait();
        var promoted = admin.post("/api/v1/alert/" + alert(id).get("_id").asString() + "/case", Map.of());
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        String caseId = promoted.json().get("_id").asString();

        misp().tick();
        misp().client().addAttribute(id, new MispNewAttribute("ip-dst", "Network activity", "203.0.113.21", true, "seen",
                null, List.of("kill-chain:c2")));
        misp().client().addAttribute(id, new MispNewAttribute("domain", "Network activity", "audited.example.org", false, "",
                null, List.of()));
        syncAndWait();
        misp().tick();
        misp().client().addAttribute(id, new MispNewAttribute("ip-dst", "Network activity", "203.0.113.22", true, "", null,
                List.of()));
        syncAndWait(); // the event again: what the case has already is not audited twice

        List<JsonNode> added = observables("/api/v1/case/" + caseId + "/observables").stream()
                .filter(o -> !o.path("data").asString().equals("203.0.113.20")).toList();
        assertThat(values(added)).containsExactlyInAnyOrder("203.0.113.21", "audited.example.org", "203.0.113.22");
        for (JsonNode o : added) {
            String observableId = o.get("_id").asString();
            JsonNode entries = admin.get("/api/v1/audit?entity=observable&entityId=" + observableId).json();
            assertThat(entries.size()).as("audit entries of " + o.path("data").asString()).isEqualTo(1);
            JsonNode entry = entries.get(0);
            assertThat(entry.path("action").asString()).isEqualTo("create");
            assertThat(entry.path("actor").asString()).isEqualTo("misp:local");
            assertThat(entry.path("before").isNull()).isTrue();
            JsonNode after = entry.path("after");
            for (String field : List.of("_id", "_createdBy", "_createdAt", "dataType", "data", "tlp", "pap", "ioc",
                    "message", "caseId", "startDate")) {
                assertThat(after.path(field)).as(field + " of " + observableId).isEqualTo(o.path(field));
            }
            // the entry keeps the tags in the order written, as for an observable added in the API
            assertThat(strings(after.path("tags"))).containsExactlyInAnyOrderElementsOf(strings(o.path("tags")));
        }
    }

    @Test
    void alertImportedIntoClosedCaseAddsNewObservablesWithoutReopeningIt() {
        String id = misp().addEvent(UUID.randomUUID().toString(), "promoted", List.of(),
                attribute("ip-dst", "Network activity", "203.0.113.10", true));
        syncAndWait();
        var promoted = admin.post("/api/v1/alert/" + alert(id).get("_id").asString() + "/case", Map.of());
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
        String caseId = promoted.json().get("_id").asString();
        var closed = admin.patch("/api/v1/case/" + caseId, Map.of("status", "Resolved", "resolutionStatus", "TruePositive",
                "impactStatus", "NoImpact", "summary", "done"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        misp().tick();
        misp().client().addAttribute(id, new MispNewAttribute("ip-dst", "Network activity", "203.0.113.11", true, "", null, List.of()));
        syncAndWait();

        assertThat(values(observables("/api/v1/case/" + caseId + "/observables")))
                .containsExactlyInAnyOrder("203.0.113.10", "203.0.113.11");
        assertThat(admin.get("/api/v1/case/" + caseId).json().path("status").asString()).isEqualTo("Resolved");
    }

    @Test
    void exportThenReExportUpdatesTheSameEventAndIsNotImportedBack() {
        String caseId = createCase(admin, "Exported case " + UUID.randomUUID());
        long createdBefore = createdEvents();
        String sha256 = "4a821767c6ce723e6fb4b8d54efd52df6cbd63fc0de47a7b8b39a6ec72b4be69";
        addObservable(caseId, "hash", sha256, true);
        addObservable(caseId, "domain", "exported.example.net", true);
        addObservable(caseId, "ip", "192.0.2.44", false);

        var first = admin.post("/api/connector/misp/export/" + caseId + "/local", Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(204);
        JsonNode link = admin.get("/api/v1/case/" + caseId + "/misp").json().get(0);
        String eventId = link.path("eventId").asString();
        assertThat(link.path("eventUuid").asString()).isNotBlank();
        assertThat(liveAttributes(eventId)).containsExactlyInAnyOrder("sha256 " + sha256, "domain exported.example.net");
        assertThat(misp().emulator.store().event(eventId).orElseThrow().toString()).contains("tlp:amber");

        String domainId = observables("/api/v1/case/" + caseId + "/observables").stream()
                .filter(o -> o.path("data").asString().equals("exported.example.net")).findFirst().orElseThrow()
                .get("_id").asString();
        assertThat(admin.delete("/api/v1/observable/" + domainId).status()).isEqualTo(204);
        addObservable(caseId, "url", "https://exported.example.net/payload", true);
        var second = admin.post("/api/v1/connector/misp/export/" + caseId + "/local", Map.of());
        assertThat(second.status()).as(second.toString()).isEqualTo(204);

        JsonNode after = admin.get("/api/v1/case/" + caseId + "/misp").json();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("eventId").asString()).isEqualTo(eventId);
        assertThat(after.get(0).path("exports")).hasSize(2);
        assertThat(after.get(0).path("exports").get(1).path("attributesAdded").asInt()).isEqualTo(1);
        assertThat(after.get(0).path("exports").get(1).path("attributesDeleted").asInt()).isEqualTo(1);
        assertThat(liveAttributes(eventId)).containsExactlyInAnyOrder("sha256 " + sha256, "url https://exported.example.net/payload");
        assertThat(createdEvents() - createdBefore).as("events created by two exports").isEqualTo(1);

        syncAndWait();
        assertThat(hasAlert(eventId)).as("the hub's own export imported back as an alert").isFalse();
    }

    @Test
    void aMergedCaseKeepsTheEventOfItsFirstExportedOriginal() {
        String a = createCase(admin, "Exported then merged " + UUID.randomUUID());
        String b = createCase(admin, "Also exported " + UUID.randomUUID());
        addObservable(a, "domain", "merged-a.example.net", true);
        addObservable(b, "domain", "merged-b.example.net", true);
        assertThat(admin.post("/api/v1/connector/misp/export/" + a + "/local", Map.of()).status()).isEqualTo(204);
        assertThat(admin.post("/api/v1/connector/misp/export/" + b + "/local", Map.of()).status()).isEqualTo(204);
        String eventOfA = admin.get("/api/v1/case/" + a + "/misp").json().get(0).path("eventId").asString();
        long createdBefore = createdEvents();

        var merge = admin.post("/api/v1/case/_merge/" + a + "," + b, Map.of());
        assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
        String merged = merge.json().get("_id").asString();
        JsonNode link = admin.get("/api/v1/case/" + merged + "/misp").json();
        assertThat(link).hasSize(1);
        assertThat(link.get(0).path("eventId").asString()).isEqualTo(eventOfA);
        assertThat(link.get(0).path("exports")).as("the event's history came along").hasSize(1);

        var export = admin.post("/api/v1/connector/misp/export/" + merged + "/local", Map.of());
        assertThat(export.status()).as(export.toString()).isEqualTo(204);
        assertThat(createdEvents()).as("the merged case updated its event, made none").isEqualTo(createdBefore);
        assertThat(liveAttributes(eventOfA)).containsExactlyInAnyOrder("domain merged-a.example.net", "domain merged-b.example.net");
    }

    @Test
    void theCaseProceduresArriveOnTheEventAsAttackGalaxyTagsAndLeaveItWithThem() {
        String caseId = createCase(admin, "Export with TTPs " + UUID.randomUUID());
        addObservable(caseId, "domain", "ttp.example.net", true);
        String spearphishing = addProcedure(caseId, "T1566.001");
        addProcedure(caseId, "T1059.001");
        addProcedure(caseId, "T1059.001"); // the same technique twice is one tag

        var first = admin.post("/api/v1/connector/misp/export/" + caseId + "/local", Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(204);
        String eventId = admin.get("/api/v1/case/" + caseId + "/misp").json().get(0).path("eventId").asString();
        assertThat(eventTags(eventId)).contains("tlp:amber",
                "misp-galaxy:mitre-attack-pattern=\"Spearphishing Attachment - T1566.001\"",
                "misp-galaxy:mitre-attack-pattern=\"PowerShell - T1059.001\"")
                .filteredOn(t -> t.startsWith("misp-galaxy:")).hasSize(2);

        assertThat(admin.delete("/api/v1/procedure/" + spearphishing).status()).isEqualTo(204);
        var second = admin.post("/api/v1/connector/misp/export/" + caseId + "/local", Map.of());
        assertThat(second.status()).as(second.toString()).isEqualTo(204);
        assertThat(eventTags(eventId)).filteredOn(t -> t.startsWith("misp-galaxy:"))
                .containsExactly("misp-galaxy:mitre-attack-pattern=\"PowerShell - T1059.001\"");
    }

    @Test
    void attackGalaxyTagsOfAnImportedEventBecomeProceduresOfItsAlertOnce() {
        String id = misp().addEvent(UUID.randomUUID().toString(), "phishing with TTPs", List.of("tlp:green",
                        "misp-galaxy:mitre-attack-pattern=\"Spearphishing Attachment - T1566.001\"",
                        "misp-galaxy:mitre-attack-pattern=\"Not In The Catalogue - T9999\"",
                        "misp-galaxy:threat-actor=\"APT 28\""),
                attribute("domain", "Network activity", "ttp-import.example.org", true));
        syncAndWait();
        String alertId = alert(id).get("_id").asString();
        List<String> procedures = procedurePatterns(alertId);
        assertThat(procedures).containsExactly("T1566.001");
        assertThat(strings(alert(id).path("tags"))).contains("misp-galaxy:mitre-attack-pattern=\"Not In The Catalogue - T9999\"");

        misp().tick();
        misp().client().addTag(misp().emulator.store().event(id).orElseThrow().path("uuid").asString(),
                "misp-galaxy:mitre-attack-pattern=\"PowerShell - T1059.001\"", false);
        syncAndWait();
        assertThat(procedurePatterns(alertId)).containsExactlyInAnyOrder("T1566.001", "T1059.001");
    }

    @Test
    void mispRefusalIsShownToTheUser() {
        syncAndWait(); // no sync in flight to take the fault armed below
        String caseId = createCase(admin, "Refused export");
        addObservable(caseId, "domain", "refused.example.net", true);
        misp().emulator.faults().authError("/events", 1);
        var r = admin.post("/api/v1/connector/misp/export/" + caseId + "/local", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("message").asString()).contains("Authentication failed");
        assertThat(admin.post("/api/v1/connector/misp/export/" + caseId + "/nowhere", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void statusInTheHiveShapeWithoutTheKey() {
        syncAndWait();
        String statusBody = TestApi.withKey(port, null).get("/api/status").body();
        JsonNode misp = TestApi.JSON.readTree(statusBody).path("connectors").path("misp");
        assertThat(misp.path("enabled").asBoolean()).isTrue();
        assertThat(misp.path("status").asString()).isEqualTo("OK");
        JsonNode shown = misp.path("servers").get(0);
        assertThat(shown.path("name").asString()).isEqualTo("local");
        assertThat(shown.path("status").asString()).isEqualTo("OK");
        assertThat(shown.has("url")).as("details need a login").isFalse();
        JsonNode server = admin.get("/api/status").json().path("connectors").path("misp").path("servers").get(0);
        assertThat(server.path("version").asString()).isEqualTo("2.5.17");
        assertThat(server.path("url").asString()).isEqualTo(misp().emulator.baseUrl());
        assertThat(server.path("purpose").asString()).isEqualTo("ImportAndExport");
        var v1 = admin.get("/api/v1/connector/misp/status");
        assertThat(v1.json().path("status").path("status").asString()).isEqualTo("OK");
        assertThat(v1.json().has("syncInProgress")).isTrue();
        for (String body : List.of(statusBody, v1.body(), admin.get("/api/v1/connector/misp").body(),
                admin.get("/actuator/health").body())) {
            assertThat(body).doesNotContain(misp().emulator.apiKey());
        }
    }

    private void addObservable(String caseId, String dataType, String data, boolean ioc) {
        var r = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", dataType, "data", data, "ioc", ioc,
                "tlp", 2, "message", "from the case"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private List<String> procedurePatterns(String alertId) {
        var r = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getAlert", "idOrName", alertId),
                Map.of("_name", "procedures"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(pr -> out.add(pr.path("patternId").asString()));
        return out;
    }

    private String addProcedure(String caseId, String patternId) {
        var r = admin.post("/api/v1/case/" + caseId + "/procedure", Map.of("patternId", patternId,
                "occurDate", 1_767_000_000_000L, "description", "seen in the mail gateway"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("_id").asString();
    }

    private List<String> eventTags(String eventId) {
        List<String> tags = new ArrayList<>();
        misp().emulator.store().event(eventId).orElseThrow().path("Tag").forEach(t -> tags.add(t.path("name").asString()));
        return tags;
    }

    private long createdEvents() {
        return misp().emulator.store().writes().stream().filter(w -> w.startsWith("create event")).count();
    }

    private List<String> liveAttributes(String eventId) {
        List<String> out = new ArrayList<>();
        misp().client().fetchEvent(eventId, false, (MispAttribute a) -> out.add(a.type() + " " + a.value()));
        return out;
    }
}
