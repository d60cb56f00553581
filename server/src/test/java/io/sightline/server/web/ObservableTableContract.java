package io.sightline.server.web;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observables table of the case and alert pages over HTTP, as its htmx requests reach the hub:
 * one page of rows with filters, sort and counts per type; actions on a selection, each observable
 * changed or refused with its reason; the add form, which adds nothing while a line is refused; and
 * "Run all" analyzers. Run on H2 and PostgreSQL (the table's SQL is the hub's own).
 */
abstract class ObservableTableContract extends HubTest {
    private static final CortexEmulator CORTEX = CortexEmulator.start(CortexEmulatorOptions.defaults());
    private static final Pattern ROW = Pattern.compile("<tr class=\"obs\" id=\"obs-(\\d+)\"");

    @DynamicPropertySource
    static void cortex(DynamicPropertyRegistry r) {
        r.add("cortex.servers[0].name", () -> "table-cortex");
        r.add("cortex.servers[0].url", CORTEX::baseUrl);
        r.add("cortex.servers[0].auth.type", () -> "bearer");
        r.add("cortex.servers[0].auth.key", CORTEX::apiKey);
    }

    @Test
    void showsOnePageFilteredSortedAndCountedByType() {
        String caseId = createCase(admin, unique("table"));
        long number = number(caseId);
        List<String> domains = new ArrayList<>();
        for (int i = 1; i <= 30; i++) domains.add(String.format("d%02d.example", i));
        add(caseId, Map.of("dataType", "domain", "data", domains.subList(0, 5), "ioc", true));
        add(caseId, Map.of("dataType", "domain", "data", domains.subList(5, 30)));
        add(caseId, Map.of("dataType", "ip", "data", List.of("203.0.113.1", "203.0.113.2", "203.0.113.3")));
        add(caseId, Map.of("dataType", "other", "data", List.of("100%_sure")));
        BrowserSession browser = loggedIn();
        String base = "/cases/" + number + "/observables";

        String first = browser.htmxGet(base).body();
        assertThat(rows(first)).hasSize(25);
        assertThat(first).contains("Page 1 of 2 · 34 observables")
                .containsPattern("data-type=\"domain\"[^>]*>[\\s\\S]*?<span class=\"count\">30</span>")
                .containsPattern("data-type=\"ip\"[^>]*>[\\s\\S]*?<span class=\"count\">3</span>")
                .contains("5 IOCs");

        String elsewhere = createCase(admin, unique("elsewhere"));
        add(elsewhere, Map.of("dataType", "ip", "data", List.of("203.0.113.2"), "ioc", true));
        String ips = browser.htmxGet(base + "?type=ip").body();
        assertThat(rows(ips)).hasSize(3);
        // "seen in" per row, read for the whole page at once: only the ip another case holds names it
        assertThat(ips).containsOnlyOnce(">#" + number(elsewhere) + "</a><span class=\"badge badge-ioc\">IOC</span>");
        assertThat(rows(browser.htmxGet(base + "?ioc=yes").body())).hasSize(5);
        assertThat(rows(browser.htmxGet(base + "?ioc=no&type=domain").body())).hasSize(25);
        String search = browser.htmxGet(base + "?q=D07").body();
        assertThat(rows(search)).hasSize(1);
        assertThat(search).contains("d07.example");
        // LIKE's wildcards in a search are meant literally
        assertThat(rows(browser.htmxGet(base + "?q=%25_s").body())).hasSize(1);
        assertThat(browser.htmxGet(base + "?q=x%25").body()).contains("No observable matches these filters.");

        String sorted = browser.htmxGet(base + "?type=domain&sort=value&dir=desc").body();
        assertThat(sorted.indexOf("d30.example")).isPositive().isLessThan(sorted.indexOf("d29.example"));
        assertThat(sorted).contains("href=\"/cases/" + number + "?tab=observables&amp;sort=value&amp;type=domain\"");
        assertThat(rows(browser.htmxGet(base + "?page=2").body())).hasSize(9);
        assertThat(browser.htmxGet(base + "?page=9").body()).contains("Page 2 of 2");

        var plain = browser.get(base + "?type=ip");
        assertThat(plain.status()).isEqualTo(302);
        assertThat(plain.location()).endsWith("/cases/" + number + "?tab=observables&type=ip");
        assertThat(rows(browser.get("/cases/" + number + "?tab=observables&type=ip").body())).hasSize(3);

        var refused = browser.htmxGet(base + "?ioc=maybe");
        assertThat(refused.headers().firstValue("HX-Retarget")).hasValue("#messages");
        assertThat(refused.body()).contains("Field ioc must be yes or no, not maybe");
    }

    @Test
    void theTablesOfAnotherOrganisationAnswer404() {
        String caseId = createCase(admin, unique("mine"));
        long number = number(caseId);
        String org = unique("table-org");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "other")).status()).isEqualTo(201);
        String login = unique("outsider");
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "name", "Out", "profile", "analyst", "organisation", org,
                "password", "outsider-password")).status()).isEqualTo(201);
        BrowserSession outsider = new BrowserSession(port);
        outsider.login(login, "outsider-password");
        assertThat(outsider.get("/cases/" + number + "?tab=observables").status()).isEqualTo(404);
        var fragment = outsider.htmxGet("/cases/" + number + "/observables");
        assertThat(fragment.body()).contains("not found").doesNotContain("<tr class=\"obs\"");
    }

    @Test
    void appliesAnActionToEachSelectedObservableAndReportsEachRefusal() {
        String caseId = createCase(admin, unique("bulk"));
        String otherCase = createCase(admin, unique("bulk-other"));
        long number = number(caseId);
        List<String> ours = ids(add(caseId, Map.of("dataType", "ip", "data",
                List.of("198.51.100.1", "198.51.100.2", "198.51.100.3"), "tags", List.of("seen"))));
        String elsewhere = ids(add(otherCase, Map.of("dataType", "ip", "data", List.of("198.51.100.9")))).get(0);
        TestApi stranger = newUser(unique("bulk-org"), "org-admin");
        String theirCase = createCase(stranger, unique("theirs"));
        var theirs = stranger.post("/api/v1/case/" + theirCase + "/observable", Map.of("dataType", "ip", "data", "198.51.100.7"));
        String theirId = theirs.json().get(0).get("_id").asString();
        BrowserSession browser = loggedIn();
        String token = BrowserSession.token(browser.get("/cases/" + number + "?tab=observables").body());
        String bulk = "/cases/" + number + "/observables/bulk";

        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("action", "ioc-on"), Map.entry("type", "ip")));
        for (String id : List.of(ours.get(0), ours.get(1), ours.get(2), elsewhere, theirId)) form.add(Map.entry("ids", id.substring(1)));
        String answer = browser.htmxPost(bulk, form, token).body();
        assertThat(answer).contains("3 changed, 2 refused")
                .contains("198.51.100.9: Observable " + elsewhere + " is not one of this case")
                .contains(theirId + ": Observable " + theirId + " not found")
                .contains("<input type=\"hidden\" name=\"type\" value=\"ip\">");
        for (String id : ours) assertThat(observable(id).get("ioc").asBoolean()).isTrue();
        assertThat(observable(elsewhere).get("ioc").asBoolean()).isFalse();
        assertThat(stranger.get("/api/v1/observable/" + theirId).json().get("ioc").asBoolean()).isFalse();

        assertThat(browser.htmxPost(bulk, List.of(Map.entry("action", "add-tags"), Map.entry("bulkTags", "scanner, tor"),
                Map.entry("ids", ours.get(0).substring(1))), token).body()).contains("1 changed");
        assertThat(observable(ours.get(0)).get("tags").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("seen", "scanner", "tor");
        assertThat(browser.htmxPost(bulk, List.of(Map.entry("action", "set-tlp"), Map.entry("bulkTlp", "RED"),
                Map.entry("ids", ours.get(1).substring(1))), token).body()).contains("1 changed");
        assertThat(observable(ours.get(1)).get("tlp").asInt()).isEqualTo(3);
        assertThat(browser.htmxPost(bulk, List.of(Map.entry("action", "delete"), Map.entry("ids", ours.get(2).substring(1))), token)
                .body()).contains("1 deleted");
        assertThat(admin.get("/api/v1/observable/" + ours.get(2)).status()).isEqualTo(404);

        // without scripts: the action, then the page with the same filters and the outcome
        var plain = browser.post(bulk, Map.of("action", "ioc-off", "ids", ours.get(0).substring(1), "type", "ip"), token);
        assertThat(plain.status()).isEqualTo(302);
        assertThat(plain.location()).endsWith("/cases/" + number + "?tab=observables&type=ip");
        assertThat(browser.get("/cases/" + number + "?tab=observables&type=ip").body()).contains("1 changed");
        assertThat(observable(ours.get(0)).get("ioc").asBoolean()).isFalse();

        var noTags = browser.htmxPost(bulk, List.of(Map.entry("action", "add-tags"), Map.entry("ids", ours.get(1).substring(1))), token);
        assertThat(noTags.headers().firstValue("HX-Retarget")).hasValue("#messages");
        assertThat(noTags.body()).contains("Enter the tags to add");
        assertThat(browser.htmxPost(bulk, List.of(Map.entry("action", "ioc-off")), token).body())
                .contains("Select at least one observable");
        assertThat(observable(ours.get(1)).get("ioc").asBoolean()).isTrue();
    }

    @Test
    void aReadOnlyUserChangesNothing() {
        String caseId = createCase(admin, unique("read-only"));
        long number = number(caseId);
        String id = ids(add(caseId, Map.of("dataType", "domain", "data", List.of("read.example")))).get(0);
        String login = unique("reader");
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "name", "Reader", "profile", "read-only",
                "password", "reader-password")).status()).isEqualTo(201);
        BrowserSession reader = new BrowserSession(port);
        reader.login(login, "reader-password");
        String page = reader.get("/cases/" + number + "?tab=observables").body();
        assertThat(page).contains("read.example").doesNotContain("id=\"obs-bulk\"").doesNotContain("id=\"add-observable\"");
        var refused = reader.htmxPost("/cases/" + number + "/observables/bulk",
                List.of(Map.entry("action", "delete"), Map.entry("ids", id.substring(1))), BrowserSession.token(page));
        assertThat(refused.headers().firstValue("HX-Retarget")).hasValue("#messages");
        assertThat(admin.get("/api/v1/observable/" + id).status()).isEqualTo(200);
    }

    @Test
    void theAddFormAddsNothingWhileALineIsRefusedAndMergesAValueTheCaseHolds() {
        var created = admin.post("/api/v1/case", Map.of("title", unique("add"), "description", "d", "tlp", 3));
        String caseId = created.json().get("_id").asString();
        long number = number(caseId);
        add(caseId, Map.of("dataType", "domain", "data", List.of("known.example")));
        BrowserSession browser = loggedIn();
        String tab = browser.get("/cases/" + number + "?tab=observables").body();
        assertThat(tab).containsPattern("id=\"obs-tlp\">[\\s\\S]*?<option value=\"RED\" selected=\"selected\">");
        String token = BrowserSession.token(tab);
        String path = "/cases/" + number + "/observables";
        String pasted = "a.example\nnot a domain\n\nb.example\nbad domain!";

        String refused = browser.htmxPost(path, List.of(Map.entry("dataType", "domain"), Map.entry("tlp", "GREEN"),
                Map.entry("ioc", "on"), Map.entry("data", pasted), Map.entry("tags", "phishing, wave-2")), token).body();
        assertThat(refused).contains("Nothing was added")
                .contains("<span class=\"field-error-message\">Line 2: Invalid domain observable &#39;not a domain&#39;")
                .contains("<span class=\"field-error-message\">Line 5: Invalid domain observable &#39;bad domain!&#39;")
                .contains(">" + pasted + "</textarea>")
                .contains("<option value=\"domain\" selected=\"selected\">domain</option>")
                .contains("<option value=\"GREEN\" selected=\"selected\">")
                .containsPattern("name=\"ioc\" id=\"obs-ioc\" checked")
                .contains("value=\"phishing, wave-2\"")
                .doesNotContain("observables added");
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(1);

        // without scripts: the same refusal on the page the post returns to
        var plain = browser.post(path, Map.of("dataType", "domain", "tlp", "GREEN", "data", "x.example\nnot a domain"), token);
        assertThat(plain.status()).isEqualTo(302);
        assertThat(plain.location()).contains("/cases/" + number + "?tab=observables");
        assertThat(browser.get("/cases/" + number + "?tab=observables").body())
                .contains("<span class=\"field-error-message\">Line 2: Invalid domain observable &#39;not a domain&#39;")
                .contains(">x.example\nnot a domain</textarea>");
        assertThat(admin.get("/api/v1/case/" + caseId + "/observables").json().size()).isEqualTo(1);

        String accepted = browser.htmxPost(path, List.of(Map.entry("dataType", "domain"), Map.entry("tlp", "GREEN"),
                Map.entry("ioc", "on"), Map.entry("data", "known.example\nnew.example"), Map.entry("tags", "phishing")), token).body();
        assertThat(accepted).contains("1 observable added")
                .contains("Already in the case, tags and flags merged: known.example")
                .doesNotContain("Nothing was added");
        JsonNode all = admin.get("/api/v1/case/" + caseId + "/observables").json();
        assertThat(all.size()).isEqualTo(2);
        for (JsonNode o : all) {
            assertThat(o.get("ioc").asBoolean()).as(o.toString()).isTrue();
            assertThat(o.get("tags").toString()).contains("phishing");
        }
    }

    @Test
    void runsEveryAnalyzerAcceptingEachSelectedObservable() {
        String caseId = createCase(admin, unique("run-all"));
        long number = number(caseId);
        String ip = ids(add(caseId, Map.of("dataType", "ip", "data", List.of("192.0.2.44")))).get(0);
        String other = ids(add(caseId, Map.of("dataType", "other", "data", List.of("no analyzer takes this")))).get(0);
        List<String> forIp = admin.get("/api/connector/cortex/analyzer/type/ip").json().valueStream()
                .map(a -> a.get("name").asString()).toList();
        assertThat(forIp).hasSizeGreaterThanOrEqualTo(2);
        BrowserSession browser = loggedIn();
        String tab = browser.get("/cases/" + number + "?tab=observables").body();
        assertThat(tab).contains("id=\"bulk-analyze\"");
        // "Run all" is offered on the ip's row only: no analyzer accepts the type other
        String ipRow = browser.get("/observables/" + ip.substring(1)).body();
        assertThat(ipRow).contains("Run all " + forIp.size());
        assertThat(browser.get("/observables/" + other.substring(1)).body()).doesNotContain("Run all").doesNotContain("analyzers-menu");

        String answer = browser.htmxPost("/cases/" + number + "/observables/bulk", List.of(Map.entry("action", "analyze"),
                Map.entry("ids", ip.substring(1)), Map.entry("ids", other.substring(1))), BrowserSession.token(tab)).body();
        assertThat(answer).contains(forIp.size() + " analyzer jobs started, 1 refused")
                .contains("no analyzer takes this: No analyzer accepts the type other");
        String row = browser.get("/observables/" + ip.substring(1)).body();
        for (String analyzer : forIp) {
            assertThat(row).contains("<span class=\"job-analyzer\">" + analyzer + "</span>");
        }

        var alone = browser.htmxPost("/observables/" + other.substring(1) + "/jobs/all", List.of(), BrowserSession.token(tab));
        assertThat(alone.headers().firstValue("HX-Retarget")).hasValue("#messages");
        assertThat(alone.body()).contains("No analyzer accepts the type other");
    }

    private BrowserSession loggedIn() {
        BrowserSession browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        return browser;
    }

    private long number(String caseId) {
        return admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
    }

    private TestApi.Response add(String caseId, Map<String, Object> body) {
        var r = admin.post("/api/v1/case/" + caseId + "/observable", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private JsonNode observable(String id) {
        return admin.get("/api/v1/observable/" + id).json();
    }

    private static List<String> ids(TestApi.Response added) {
        return added.json().valueStream().map(o -> o.get("_id").asString()).toList();
    }

    private static List<String> rows(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
