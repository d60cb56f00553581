package io.sightline.server.intel;

import io.sightline.server.common.Ids;
import io.sightline.server.observables.ObservableIntel;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import io.sightline.stix.StixJson;
import io.sightline.testkit.samples.NeedsPublicSamples;
import io.sightline.testkit.stixify.GeneratedReportSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The intel store fed with STIX objects (the public samples where marked, else the project's own),
 * and "seen in intel" on case observables; on H2 and PostgreSQL. Intel is global, so every test uses its own dossier ids and asserts on them.
 */
abstract class IntelContract extends HubTest {
    static final String APT1 = "oasis-apt1-report.json";
    static final String C2 = "oasis-indicators-for-C2-with-COA.json";
    static final String SCOS = "stix2-python-sco-examples-list.json";

    @Autowired
    IntelIngestService ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ObservableIntel observableIntel;
    @Autowired
    ObservableRepository observables;

    @Test
    @NeedsPublicSamples
    void anObservableShowsTheReportsAndDossiersWhereItsValueAppears() {
        String apt1Dossier = unique("dossier");
        String c2Dossier = unique("dossier");
        String apt1Report = IntelFixtures.reportId(APT1);
        IngestResult apt1 = ingest(apt1Dossier, apt1Report, "APT1 report", APT1);
        assertThat(apt1.received()).isEqualTo(76);
        assertThat(apt1.rejected()).isZero();
        assertThat(apt1.inserted() + apt1.unchanged()).isEqualTo(76);
        // The four HTRAN indicators name CIDR ranges, which no ip observable can equal.
        assertThat(apt1.valuesSkipped()).isGreaterThanOrEqualTo(4);
        ingest(c2Dossier, "report--" + UUID.randomUUID(), "C2 indicators", C2);

        String caseId = createCase(admin, unique("intel"));
        JsonNode domain = seenInIntel(admin, caseId, "domain", "hugesoft.org");
        assertThat(domain).anySatisfy(s -> {
            assertThat(s.get("stixId").asString()).isEqualTo("indicator--3f3ff9f1-bb4e-4392-89e5-1991179042ba");
            assertThat(s.get("type").asString()).isEqualTo("indicator");
            assertThat(s.get("name").asString()).isEqualTo("FQDN hugesoft.org");
            assertThat(s.get("reportId").asString()).isEqualTo(apt1Report);
            assertThat(s.get("reportName").asString()).isEqualTo("APT1 report");
            assertThat(s.get("dossierId").asString()).isEqualTo(apt1Dossier);
            assertThat(s.get("dossierName").asString()).isEqualTo("Dossier " + apt1Dossier);
            assertThat(s.get("modified").asLong()).isEqualTo(java.time.Instant.parse("2015-05-15T09:12:16.432Z").toEpochMilli());
        });
        // Upper-case hex is normalised as case observables are, on both sides.
        JsonNode hash = seenInIntel(admin, caseId, "hash", "EF537F25C895BFA782526529A9B63D97AA631564D5D789C2B765448C8635FB6C");
        assertThat(hash).anySatisfy(s -> {
            assertThat(s.get("stixId").asString()).isEqualTo("indicator--a932fcc6-e032-476c-826f-cb970a5a1ade");
            assertThat(s.get("dossierId").asString()).isEqualTo(c2Dossier);
        });
        // An FQDN observable matches a STIX domain-name.
        assertThat(seenInIntel(admin, caseId, "fqdn", "msnhome.org"))
                .anySatisfy(s -> assertThat(s.get("dossierId").asString()).isEqualTo(apt1Dossier));
        assertThat(seenInIntel(admin, caseId, "domain", unique("absent") + ".example")).isEmpty();
    }

    @Test
    @NeedsPublicSamples
    void cyberObservablesAreMatchedAndEveryOrganisationSeesTheIntel() {
        String dossier = unique("dossier");
        IngestResult scos = ingest(dossier, "report--" + UUID.randomUUID(), "SCO examples", SCOS);
        assertThat(scos.received()).isEqualTo(82);
        // The list repeats some deterministic ids: the repeats are no-ops.
        assertThat(scos.inserted() + scos.unchanged()).isEqualTo(82);

        TestApi reader = newUser(unique("org"), "read-only");
        TestApi analyst = newUser(unique("org"), "analyst");
        String caseId = createCase(analyst, unique("sco"));
        assertThat(seenInIntel(analyst, caseId, "ip", "198.51.100.3"))
                .filteredOn(s -> s.get("dossierId").asString().equals(dossier))
                .extracting(s -> s.get("type").asString()).containsOnly("ipv4-addr").hasSize(3);
        assertThat(seenInIntel(analyst, caseId, "mail", "john@example.com"))
                .anySatisfy(s -> assertThat(s.get("stixId").asString()).isEqualTo("email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3"));

        var lookup = reader.get("/api/v1/intel/lookup?dataType=url&value=https://example.com/research/index.html");
        assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
        assertThat(lookup.json().get("seenInIntel")).anySatisfy(s -> assertThat(s.get("dossierId").asString()).isEqualTo(dossier));
        assertThat(TestApi.withKey(port, null).get("/api/v1/intel/lookup?dataType=ip&value=198.51.100.3").status()).isEqualTo(401);
    }

    @Test
    @NeedsPublicSamples
    void reIngestingAReportChangesNothing() {
        String dossier = unique("dossier");
        String report = "report--" + UUID.randomUUID();
        IngestResult first = ingest(dossier, report, "C2", C2);
        IngestResult again = ingest(dossier, report, "C2", C2);
        assertThat(first.received()).isEqualTo(8);
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(8);
        assertThat(again.valuesStored()).isZero();

        var lookup = admin.get("/api/v1/intel/lookup?dataType=ip&value=10.0.0.0").json().get("seenInIntel");
        assertThat(lookup).filteredOn(s -> s.get("dossierId").asString().equals(dossier)).hasSize(1);
        long links = jdbc.sql("SELECT COUNT(*) FROM intel_object_report l JOIN intel_report r ON r.id = l.report_ref"
                + " WHERE r.dossier_id = ?").param(dossier).query(Long.class).single();
        assertThat(links).isEqualTo(8);
        long values = jdbc.sql("SELECT COUNT(*) FROM intel_value WHERE object_ref = (SELECT id FROM intel_object WHERE stix_id = ?)")
                .param("indicator--53fe3b22-0201-47cf-85d0-97c02164528d").query(Long.class).single();
        assertThat(values).isEqualTo(1);
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        String id = IntelFixtures.freshId("indicator");
        ObjectNode v1 = IntelFixtures.single("indicator-version-1.json", id);
        ObjectNode v2 = IntelFixtures.single("indicator-version-2.json", id);
        String dossier = unique("dossier");

        assertThat(ingestObjects(dossier, "report--" + UUID.randomUUID(), List.of(v1)).inserted()).isEqualTo(1);
        assertThat(modifiedOf(id)).isEqualTo("2026-01-10T08:00:00.000Z");
        assertThat(ingestObjects(dossier, "report--" + UUID.randomUUID(), List.of(v2)).updated()).isEqualTo(1);
        assertThat(modifiedOf(id)).isEqualTo("2026-02-01T12:00:00.000Z");
        IngestResult stale = ingestObjects(dossier, "report--" + UUID.randomUUID(), List.of(v1));
        assertThat(stale.older()).isEqualTo(1);
        assertThat(modifiedOf(id)).isEqualTo("2026-02-01T12:00:00.000Z");
        assertThat(ingestObjects(dossier, "report--" + UUID.randomUUID(), List.of(v2)).unchanged()).isEqualTo(1);

        // v2 first, then v1, inside one report: v2 stays.
        String other = IntelFixtures.freshId("indicator");
        IngestResult both = ingestObjects(dossier, "report--" + UUID.randomUUID(),
                List.of(v2.deepCopy().put("id", other), v1.deepCopy().put("id", other)));
        assertThat(both.inserted()).isEqualTo(1);
        assertThat(both.older()).isEqualTo(1);
        assertThat(modifiedOf(other)).isEqualTo("2026-02-01T12:00:00.000Z");
        // Whatever the version, the object is linked to each report it came in.
        long reports = jdbc.sql("SELECT COUNT(*) FROM intel_object_report l JOIN intel_object o ON o.id = l.object_ref WHERE o.stix_id = ?")
                .param(id).query(Long.class).single();
        assertThat(reports).isEqualTo(4);
    }

    @Test
    void aTablePageIsLookedUpAtOnceWithTheAnswerOfEachRow() throws Exception {
        GeneratedReportSource generated = new GeneratedReportSource(40, new java.util.Random().nextInt(1_000_000), 0);
        List<ObjectNode> objects = new ArrayList<>();
        generated.objects(0, generated.size()).forEachRemaining(objects::add);
        ingest.ingestReport("stixify", unique("dossier"), null, generated.reportObjectId(), "generated", objects.iterator());
        // Half the objects in a second report and dossier: their values have two sightings, whose order must hold.
        ingestObjects(unique("dossier"), "report--" + UUID.randomUUID(), objects.subList(0, 20));
        byte[] content = ("page file " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        ObjectNode file = StixJson.mapper().createObjectNode().put("type", "file").put("spec_version", "2.1")
                .put("id", IntelFixtures.freshId("file")).put("name", "page.bin");
        file.putObject("hashes").put("MD5", HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
        ingestObjects(unique("dossier"), "report--" + UUID.randomUUID(), List.of(file));

        String caseId = createCase(admin, unique("page"));
        List<String> ips = objects.stream().filter(o -> o.path("type").asString().equals("ipv4-addr"))
                .map(o -> o.get("value").asString()).toList();
        assertThat(ips).hasSizeGreaterThan(5);
        List<String> values = new ArrayList<>(ips);
        values.add("absent-" + UUID.randomUUID() + ".example");
        var added = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", ips));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "domain", "data", values.get(values.size() - 1)))
                .status()).isEqualTo(201);
        assertThat(admin.postFile("/api/v1/case/" + caseId + "/observable", "{\"dataType\":\"file\"}", "page.bin", content).status())
                .isEqualTo(201);

        List<ObservableRecord> page = observables.ofCase(Ids.parse(caseId, "case"));
        Map<Long, List<IntelSighting>> batched = observableIntel.seenIn(page);
        assertThat(batched).hasSize(page.size());
        for (ObservableRecord o : page) {
            assertThat(batched.get(o.id())).as(o.dataType() + " " + o.data()).isEqualTo(observableIntel.seenIn(o));
        }
        assertThat(batched.values()).anySatisfy(found -> assertThat(found).hasSize(2)).anySatisfy(found -> assertThat(found).isEmpty());
        ObservableRecord fileRow = page.stream().filter(o -> o.attachment() != null).findFirst().orElseThrow();
        assertThat(batched.get(fileRow.id())).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("page.bin"));
    }

    @Test
    @NeedsPublicSamples
    void anObjectInSeveralReportsAndDossiersListsThemAll() {
        String first = unique("dossier");
        String second = unique("dossier");
        ingest(first, "report--" + UUID.randomUUID(), "C2 (first)", C2);
        ingest(second, "report--" + UUID.randomUUID(), "C2 (second)", C2);
        var found = admin.get("/api/v1/intel/lookup?dataType=ip&value=10.0.0.0").json().get("seenInIntel");
        assertThat(found).filteredOn(s -> s.get("dossierId").asString().equals(first) || s.get("dossierId").asString().equals(second))
                .extracting(s -> s.get("reportName").asString()).containsExactlyInAnyOrder("C2 (first)", "C2 (second)");
    }

    @Test
    void aFileObservableMatchesByItsHashes() throws Exception {
        byte[] content = ("sample " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        ObjectNode file = StixJson.mapper().createObjectNode().put("type", "file").put("spec_version", "2.1")
                .put("id", IntelFixtures.freshId("file")).put("name", "sample.bin");
        file.putObject("hashes").put("SHA-256", sha256.toUpperCase());
        String dossier = unique("dossier");
        ingestObjects(dossier, "report--" + UUID.randomUUID(), List.of(file));

        String caseId = createCase(admin, unique("file"));
        var created = admin.postFile("/api/v1/case/" + caseId + "/observable", "{\"dataType\":\"file\"}", "sample.bin", content);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var observable = admin.get("/api/v1/observable/" + created.json().get(0).get("_id").asString() + "?details=seen").json();
        assertThat(observable.get("seenInIntel")).singleElement()
                .satisfies(s -> assertThat(s.get("dossierId").asString()).isEqualTo(dossier));
    }

    @Test
    @NeedsPublicSamples
    void servesRawObjectsStatsAndPreciseErrors() {
        String dossier = unique("dossier");
        ingest(dossier, "report--" + UUID.randomUUID(), "C2", C2);
        var raw = admin.get("/api/v1/intel/object/indicator--a932fcc6-e032-476c-826f-cb970a5a1ade");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().get("pattern").asString())
                .isEqualTo("[file:hashes.'SHA-256' = 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c']");
        assertThat(admin.get("/api/v1/intel/object/indicator--" + UUID.randomUUID()).status()).isEqualTo(404);
        var badId = admin.get("/api/v1/intel/object/not-a-stix-id");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("message").asString()).contains("not a STIX id");

        var stats = admin.get("/api/v1/intel/stats").json();
        assertThat(stats.get("objects").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(stats.get("objectsByType").get("indicator").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("dossiers").asLong()).isGreaterThanOrEqualTo(1);

        var badIp = admin.get("/api/v1/intel/lookup?dataType=ip&value=300.1.1.1");
        assertThat(badIp.status()).isEqualTo(400);
        assertThat(badIp.json().get("message").asString()).contains("expected an IPv4 or IPv6 address");
        assertThat(admin.get("/api/v1/intel/lookup?dataType=nonsense&value=x").json().get("message").asString())
                .contains("Unknown dataType 'nonsense'");
        assertThat(admin.get("/api/v1/intel/lookup?dataType=ip").json().get("message").asString()).contains("'value' is required");
    }

    @Test
    void aHugeObjectKeepsItsValuesAndMetadataButNotItsJson() {
        String id = IntelFixtures.freshId("indicator");
        ObjectNode huge = IntelFixtures.single("indicator-version-1.json", id)
                .put("description", "x".repeat(300_000)).put("pattern_type", "stix").put("pattern", "[domain-name:value = 'huge.example']");
        IngestResult result = ingestObjects(unique("dossier"), "report--" + UUID.randomUUID(), List.of(huge));
        assertThat(result.inserted()).isEqualTo(1);
        var stored = admin.get("/api/v1/intel/object/" + id).json();
        assertThat(stored.get("id").asString()).isEqualTo(id);
        assertThat(stored.get("name").asString()).isEqualTo("SampleRAT C2 address");
        assertThat(stored.get("x_sightline_omitted_chars").asInt()).isGreaterThan(300_000);
        assertThat(stored.has("pattern")).isFalse();
        assertThat(admin.get("/api/v1/intel/lookup?dataType=domain&value=huge.example").json().get("seenInIntel"))
                .anySatisfy(s -> assertThat(s.get("stixId").asString()).isEqualTo(id));
    }

    @Test
    void invalidObjectsAreCountedAndTheOthersStored() {
        ObjectNode noId = StixJson.mapper().createObjectNode().put("type", "indicator");
        ObjectNode badTime = IntelFixtures.single("indicator-version-1.json", IntelFixtures.freshId("indicator"))
                .put("modified", "yesterday");
        ObjectNode good = IntelFixtures.single("indicator-version-1.json", IntelFixtures.freshId("indicator"));
        // PostgreSQL refuses NUL in text: it is dropped from names, and a value holding one is skipped.
        String withNul = IntelFixtures.freshId("indicator");
        ObjectNode nul = IntelFixtures.single("indicator-version-1.json", withNul).put("name", "with\0NUL")
                .put("pattern_type", "stix").put("pattern", "[mutex:name = 'a\0b']");
        IngestResult result = ingestObjects(unique("dossier"), "report--" + UUID.randomUUID(), List.of(noId, badTime, good, nul));
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(result.inserted()).isEqualTo(2);
        assertThat(result.valuesSkipped()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name FROM intel_object WHERE stix_id = ?").param(withNul).query(String.class).single())
                .isEqualTo("withNUL");
        assertThat(result.rejections()).hasSize(2);
        assertThat(result.rejections().get(0)).contains("object #1").contains("'id'");
        assertThat(result.rejections().get(1)).contains("object #2").contains("yesterday");
        assertThatThrownBy(() -> ingest.ingestReport("stixify", " ", null, "report--x", null, List.<JsonNode>of().iterator()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dossier id");
    }

    @Test
    void aLargeReportIsWrittenInBatchesAndAFailureMidwayStoresNothing() {
        int seed = new java.util.Random().nextInt(1_000_000);
        GeneratedReportSource generated = new GeneratedReportSource(2_503, seed, 0);
        String dossier = unique("dossier");
        IngestResult result = ingest.ingestReport("stixify", dossier, null, generated.reportObjectId(), "generated",
                generated.objects(0, generated.size()));
        // Only the shared TLP marking may already be there.
        assertThat(result.inserted()).isBetween(2_502, 2_503);
        assertThat(result.inserted() + result.unchanged()).isEqualTo(2_503);
        // After the 3 header objects: 834 indicators and 833 ipv4-addr, one value each.
        assertThat(result.valuesStored()).isEqualTo(834 + 833);
        String lastIp = generated.object(2_499).get("name").asString();
        assertThat(admin.get("/api/v1/intel/lookup?dataType=ip&value=" + lastIp).json().get("seenInIntel"))
                .filteredOn(s -> s.get("dossierId").asString().equals(dossier)).hasSize(2);

        GeneratedReportSource failing = new GeneratedReportSource(1_200, seed + 1, 0);
        Iterator<ObjectNode> objects = failing.objects(0, failing.size());
        Iterator<ObjectNode> breaksAt1000 = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return objects.hasNext();
            }

            @Override
            public ObjectNode next() {
                if (++n > 1_000) throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
                return objects.next();
            }
        };
        assertThatThrownBy(() -> ingest.ingestReport("stixify", unique("dossier"), null, failing.reportObjectId(), null, breaksAt1000))
                .hasMessageContaining("connection reset");
        assertThat(isStored(failing.idAt(5))).isFalse();
        assertThat(isStored(failing.reportObjectId())).isFalse();
    }

    @Test
    void joinsTheCallersTransactionSoACheckpointCommitsWithTheReport() {
        String id = IntelFixtures.freshId("indicator");
        ObjectNode object = IntelFixtures.single("indicator-version-1.json", id);
        transactions.executeWithoutResult(tx -> {
            ingestObjects(unique("dossier"), "report--" + UUID.randomUUID(), List.of(object));
            tx.setRollbackOnly(); // the connector's checkpoint write failed
        });
        assertThat(isStored(id)).isFalse();
        transactions.executeWithoutResult(tx -> ingestObjects(unique("dossier"), "report--" + UUID.randomUUID(), List.of(object)));
        assertThat(isStored(id)).isTrue();
    }

    private IngestResult ingest(String dossierId, String reportId, String reportName, String fixture) {
        return ingestObjects(dossierId, reportId, reportName, IntelFixtures.objects(fixture));
    }

    private IngestResult ingestObjects(String dossierId, String reportId, List<? extends JsonNode> objects) {
        return ingestObjects(dossierId, reportId, "report " + reportId, objects);
    }

    private IngestResult ingestObjects(String dossierId, String reportId, String reportName, List<? extends JsonNode> objects) {
        return ingest.ingestReport("stixify", dossierId, "Dossier " + dossierId, reportId, reportName, new ArrayList<>(objects).iterator());
    }

    private boolean isStored(String stixId) {
        return jdbc.sql("SELECT COUNT(*) FROM intel_object WHERE stix_id = ?").param(stixId).query(Long.class).single() > 0;
    }

    private String modifiedOf(String stixId) {
        var r = admin.get("/api/v1/intel/object/" + stixId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("modified").asString();
    }

    private JsonNode seenInIntel(TestApi api, String caseId, String dataType, String data) {
        var created = api.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", dataType, "data", data));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var observable = api.get("/api/v1/observable/" + created.json().get(0).get("_id").asString() + "?details=seen");
        assertThat(observable.status()).isEqualTo(200);
        return observable.json().get("seenInIntel");
    }
}
