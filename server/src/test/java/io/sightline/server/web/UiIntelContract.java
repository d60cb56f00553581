package io.sightline.server.web;

import io.sightline.server.intel.IntelIngestService;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import io.sightline.stix.StixJson;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intel pages over HTTP: a report's and a dossier's objects, values and the matching cases and
 * alerts of the reader's organisation only, a page at a time; the search; unknown reports and
 * dossiers answer 404. On H2 and PostgreSQL.
 */
abstract class UiIntelContract extends HubTest {
    @Autowired
    IntelIngestService intel;

    /** A report of one dossier with an IP and a domain, as the Stixify connector delivers it. */
    record Delivered(String dossierId, String reportName, String ip, String domain) {}

    static Delivered deliver(IntelIngestService intel, String dossierId, String reportName) {
        String ip = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        String domain = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<JsonNode> objects = List.of(
                StixJson.mapper().createObjectNode().put("type", "ipv4-addr").put("spec_version", "2.1")
                        .put("id", "ipv4-addr--" + UUID.randomUUID()).put("value", ip),
                StixJson.mapper().createObjectNode().put("type", "domain-name").put("spec_version", "2.1")
                        .put("id", "domain-name--" + UUID.randomUUID()).put("value", domain));
        intel.ingestReport("stixify", dossierId, "Dossier " + dossierId, "report--" + UUID.randomUUID(), reportName,
                objects.iterator());
        return new Delivered(dossierId, reportName, ip, domain);
    }

    @Test
    void valuesAndObjectsComeAPageAtATime() {
        List<JsonNode> objects = new java.util.ArrayList<>();
        for (int i = 0; i < 55; i++) {
            objects.add(StixJson.mapper().createObjectNode().put("type", "ipv4-addr").put("spec_version", "2.1")
                    .put("id", "ipv4-addr--" + UUID.randomUUID()).put("value", "192.0.2." + (i + 1)));
        }
        String dossierId = unique("dossier");
        intel.ingestReport("stixify", dossierId, null, "report--" + UUID.randomUUID(), null, objects.iterator());
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String base = "/intel/dossier?source=stixify&id=" + dossierId;
        String first = browser.get(base).body();
        assertThat(count(first, "<code>192.0.2.")).isEqualTo(50);
        assertThat(first).contains("href=\"/intel/dossier?id=" + dossierId + "&amp;objects=1&amp;source=stixify&amp;values=2\"");
        String second = browser.get(base + "&values=2").body();
        assertThat(count(second, "<code>192.0.2.")).isEqualTo(5);
        assertThat(count(second, "<code>ipv4-addr--")).isEqualTo(50);
        assertThat(count(browser.get(base + "&values=2&objects=2").body(), "<code>ipv4-addr--")).isEqualTo(5);
    }

    private static int count(String html, String needle) {
        return html.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void reportPageListsValuesObjectsAndOnlyTheOrganisationsMatches() {
        Delivered d = deliver(intel, unique("dossier"), unique("Loader campaign"));
        String caseId = createCase(admin, unique("beacon case"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        assertThat(admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "ip", "data", d.ip())).status()).isEqualTo(201);
        var alert = admin.post("/api/v1/alert", Map.of("type", "external", "source", "feed", "sourceRef", unique("ref"),
                "title", "Beacon alert", "description", "d", "observables", List.of(Map.of("dataType", "fqdn", "data", d.domain()))));
        assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
        TestApi other = newUser(unique("otherorg"), "analyst");
        String otherCase = createCase(other, "other organisation case");
        other.post("/api/v1/case/" + otherCase + "/observable", Map.of("dataType", "ip", "data", d.ip()));

        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String search = browser.get("/intel?q=" + d.ip()).body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"/intel/reports/(\\d+)\"[^>]*>" + java.util.regex.Pattern.quote(d.reportName()))
                .matcher(search);
        assertThat(link.find()).as(search).isTrue();
        assertThat(search).contains("<code>" + d.ip() + "</code>");

        var report = browser.get("/intel/reports/" + link.group(1));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains(d.reportName()).contains("<code>" + d.ip() + "</code>").contains("<code>" + d.domain() + "</code>")
                .contains("ipv4-addr--").contains("domain-name--")
                .contains("href=\"/cases/" + number + "?tab=observables\"").contains("Beacon alert")
                .doesNotContain("other organisation case");

        var dossier = browser.get("/intel/dossier?source=stixify&id=" + d.dossierId());
        assertThat(dossier.status()).isEqualTo(200);
        assertThat(dossier.body()).contains("Dossier " + d.dossierId()).contains(d.reportName()).contains("Beacon alert");

        assertThat(browser.get("/intel?q=" + java.net.URLEncoder.encode(d.reportName().substring(0, 20), java.nio.charset.StandardCharsets.UTF_8)).body()).contains(d.reportName());
        assertThat(browser.get("/intel?q=%25").body()).doesNotContain(d.reportName());
        assertThat(browser.get("/intel/reports/987654321").status()).isEqualTo(404);
        assertThat(browser.get("/intel/reports/987654321").body()).contains("Intel report 987654321 not found");
        assertThat(browser.get("/intel/dossier?source=stixify&id=none").status()).isEqualTo(404);
    }
}
