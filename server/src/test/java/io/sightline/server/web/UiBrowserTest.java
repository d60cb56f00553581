package io.sightline.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.cortex.CortexEmulatorOptions;
import io.sightline.testkit.misp.MispEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's flows clicked through in headless Chromium (Debian's /usr/bin/chromium; skipped with
 * a message where it is missing). Each page visited is saved as a screenshot in target/screenshots.
 */
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiBrowserTest extends HubTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SIGHTLINE_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String HASH = "4a821767c6ce723e6fb4b8d54efd52df6cbd63fc0de47a7b8b39a6ec72b4be69";
    private static final AtomicInteger SHOT = new AtomicInteger();
    /** The remote servers of the seed's flow, emulated on loopback; started only when Chromium is there. */
    private static MispEmulator misp;
    private static CortexEmulator cortex;

    @Autowired
    ObjectProvider<Connector> connectors;
    @Autowired
    io.sightline.server.intel.IntelIngestService intel;

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    /** Static, so that without Chromium the class is skipped before the hub is even started. */
    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Browser tests SKIPPED: no Chromium at " + CHROMIUM + " (install it with: apt-get install -y chromium)";
            System.out.println(message);
            Assumptions.abort(message);
        }
        Files.createDirectories(SCREENSHOTS);
        misp = MispEmulator.start(MispEmulator.Options.defaults());
        cortex = CortexEmulator.start(CortexEmulatorOptions.defaults());
        // The machine running the suite may be busy with other builds: wait longer than Playwright's 5 s.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true).setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (misp != null) misp.close();
        if (cortex != null) cortex.close();
    }

    /** The hub is configured with one MISP and one Cortex server, the emulators started above. */
    @DynamicPropertySource
    static void remoteServers(DynamicPropertyRegistry r) {
        r.add("misp.servers[0].name", () -> "MISP Server");
        r.add("misp.servers[0].url", () -> misp.baseUrl());
        r.add("misp.servers[0].auth.type", () -> "key");
        r.add("misp.servers[0].auth.key", () -> misp.apiKey());
        r.add("misp.servers[0].wsConfig.timeout.request", () -> "5 seconds");
        r.add("cortex.servers[0].name", () -> "Cortex Server");
        r.add("cortex.servers[0].url", () -> cortex.baseUrl());
        r.add("cortex.servers[0].auth.type", () -> "bearer");
        r.add("cortex.servers[0].auth.key", () -> cortex.apiKey());
        r.add("cortex.refreshDelay", () -> "200 milliseconds");
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void createsTheSeedCaseAndAddsTheHashObservable() {
        logIn("admin", ADMIN_PASSWORD);
        shot("cases-list");
        page.click("#create-case");
        page.fill("input[name=title]", "Cortex & MISP Intergration Demo");
        page.fill("textarea[name=description]", "Deming a case to test the intergration of MISP and Cortex");
        shot("case-create");
        page.click("#confirm-case");
        assertThat(page.locator("#case-title")).hasText("Cortex & MISP Intergration Demo");
        assertThat(page.locator("#case-description")).hasText("Deming a case to test the intergration of MISP and Cortex");
        shot("case-details");

        page.click("#tab-observables");
        page.selectOption("#obs-type", "hash");
        page.fill("#obs-data", HASH);
        page.check("#obs-ioc");
        page.fill("#obs-tags", "Hash");
        page.click("#obs-confirm");
        Locator row = page.locator("tr.obs", new Page.LocatorOptions().setHasText(HASH));
        assertThat(row).isVisible();
        assertThat(row.locator(".obs-flags .badge-ioc")).hasText("IOC");
        assertThat(row.locator(".tag")).hasText("Hash");
        assertThat(page.locator("#observable-add-result .message-ok")).hasText("1 observable added");
        assertThat(row.locator(".slot-reports")).containsText("no analyzer report");
        shot("case-observables");

        page.reload();
        assertThat(page.locator("tr.obs", new Page.LocatorOptions().setHasText(HASH))).hasCount(1);

        page.click("text=Details");
        page.click("text=Edit details");
        page.fill("#case-edit input[name=tags]", "demo, misp");
        page.click("#case-edit button[type=submit]");
        assertThat(page.locator(".badges .tag")).hasText(new String[] {"demo", "misp"});
        page.click("#close-case summary");
        page.onDialog(d -> d.accept());
        page.selectOption("#close-form select[name=status]", "TruePositive");
        page.fill("#close-form textarea[name=summary]", "Hash confirmed malicious");
        page.click("#close-form button[type=submit]");
        assertThat(page.locator("#case-status")).hasText("TruePositive");
        assertThat(page.locator("#messages")).containsText("Case closed as TruePositive");

        page.click("text=History");
        assertThat(page.locator("#audit-trail li").first()).containsText("TruePositive");
        assertThat(page.locator("#audit-trail")).containsText("create");
        shot("case-history");
    }

    @Test
    void runsAnAnalyzerOnTheSeedHashAndExportsTheCaseToMisp() {
        // A Stixify report naming the hash, with markup in its name as a remote source could send.
        var file = io.sightline.stix.StixJson.mapper().createObjectNode().put("type", "file").put("spec_version", "2.1")
                .put("id", "file--" + java.util.UUID.randomUUID()).put("name", "loader.dll");
        file.putObject("hashes").put("SHA-256", HASH);
        String reportName = "Loader <b>campaign</b> " + unique("report");
        intel.ingestReport("stixify", unique("dossier"), "Demo dossier", "report--" + java.util.UUID.randomUUID(), reportName,
                List.<tools.jackson.databind.JsonNode>of(file).iterator());
        logIn("admin", ADMIN_PASSWORD);
        page.click("#create-case");
        page.fill("input[name=title]", "Cortex & MISP Intergration Demo");
        page.fill("textarea[name=description]", "Deming a case to test the intergration of MISP and Cortex");
        page.click("#confirm-case");
        assertThat(page.locator("#case-title")).hasText("Cortex & MISP Intergration Demo");
        String caseUrl = page.url();
        page.click("#tab-observables");
        page.selectOption("#obs-type", "hash");
        page.fill("#obs-data", HASH);
        page.check("#obs-ioc");
        page.fill("#obs-tags", "Hash");
        page.click("#obs-confirm");
        Locator row = page.locator("tr.obs", new Page.LocatorOptions().setHasText(HASH));
        assertThat(row.locator(".slot-intel .intel-report")).hasText("Report: " + reportName);
        assertThat(row.locator(".slot-intel .intel-dossier")).hasText("Dossier: Demo dossier");

        row.locator(".analyzers-menu summary").click();
        Locator analyzer = row.locator("button.analyzer", new Locator.LocatorOptions().setHasText("VirusTotal_GetReport_3_1"));
        assertThat(analyzer).isVisible();
        shot("analyzers-menu");
        analyzer.click();
        Locator job = row.locator(".job", new Locator.LocatorOptions().setHasText("VirusTotal_GetReport_3_1"));
        assertThat(job).isVisible();
        // The status fragment is polled until the job ends, then the row is reloaded with the report's badges.
        assertThat(job.locator(".job-status")).hasText("Success");
        assertThat(row.locator(".slot-reports .taxonomy").first()).isVisible();
        assertThat(row.locator(".slot-reports .taxonomy").first()).hasAttribute("class",
                java.util.regex.Pattern.compile("taxonomy level-(info|safe|suspicious|malicious)"));
        shot("analyzer-report-badges");
        job.locator(".job-report").click();
        assertThat(page.locator("#report-title")).hasText("VirusTotal_GetReport_3_1 report");
        assertThat(page.locator("#report-status")).hasText("Success");
        assertThat(page.locator("#full-report")).containsText("\"taxonomies\"");
        shot("analyzer-full-report");
        page.click("#back-to-case");
        assertThat(page.locator("tr.obs .slot-reports .taxonomy").first()).isVisible();

        page.navigate(caseUrl);
        Locator export = page.locator("#misp-export");
        assertThat(export.locator("#misp-server option")).hasText(new String[] {"MISP Server"});
        shot("misp-export-form");
        export.locator("#misp-export-button").click();
        assertThat(page.locator("#misp-export-ok")).hasText("Case exported to MISP Server");
        String caseId = admin.get("/api/v1/case/" + caseUrl.replaceAll(".*/cases/(\\d+).*", "$1")).json().get("_id").asString();
        String eventId = admin.get("/api/v1/case/" + caseId + "/misp").json().get(0).get("eventId").asString();
        Locator event = page.locator("#misp-events a.misp-event-link");
        assertThat(event).hasText("#" + eventId);
        assertThat(event).hasAttribute("href", misp.baseUrl().replaceAll("/+$", "") + "/events/view/" + eventId);
        assertThat(page.locator("#misp-events .misp-last-export")).not().isEmpty();
        shot("misp-exported");

        // A refusal by MISP is shown with MISP's own message, and the earlier export stays listed.
        misp.faults().authError("/events/edit", 1);
        page.locator("#misp-export-button").click();
        assertThat(page.locator("#misp-export-error")).containsText("Authentication failed. Please make sure you pass the API key");
        assertThat(page.locator("#misp-events a.misp-event-link")).hasText("#" + eventId);
        shot("misp-export-refused");

        page.navigate(url("/about"));
        for (String connector : List.of("misp", "cortex")) {
            Locator server = page.locator("#connector-" + connector + " .servers li").first();
            assertThat(server.locator(".status-ok")).hasText("OK");
        }
        shot("about-servers-ok");
    }

    @Test
    void showsWhereAnObservableWasSeenAndEditsAndDeletesIt() {
        String first = createCase(admin, unique("first"));
        String second = createCase(admin, unique("second"));
        for (String c : List.of(first, second)) {
            assertThat(admin.post("/api/v1/case/" + c + "/observable", Map.of("dataType", "ip", "data", "203.0.113.7")).status())
                    .isEqualTo(201);
        }
        long secondNumber = admin.get("/api/v1/case/" + second).json().get("number").asLong();
        long firstNumber = admin.get("/api/v1/case/" + first).json().get("number").asLong();
        logIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/cases/" + secondNumber + "?tab=observables"));
        Locator row = page.locator("tr.obs", new Page.LocatorOptions().setHasText("203.0.113.7"));
        assertThat(row.locator(".seen a")).hasText("#" + firstNumber);
        assertThat(row.locator(".seen a")).hasAttribute("title", java.util.regex.Pattern.compile("first-.*"));

        row.getByText("Edit").click();
        Locator editing = page.locator("tr.obs-editing");
        editing.locator("input[name=tags]").fill("scanner, tor");
        editing.locator("input[name=sighted]").check();
        editing.getByText("Save").click();
        Locator saved = page.locator("tr.obs", new Page.LocatorOptions().setHasText("203.0.113.7"));
        assertThat(saved.locator(".badge-sighted")).isVisible();
        assertThat(saved.locator(".tag")).hasText(new String[] {"scanner", "tor"});
        shot("observable-edited");

        page.onDialog(d -> d.accept());
        saved.getByText("Delete").click();
        assertThat(page.locator("tr.obs")).hasCount(0);
        assertThat(admin.get("/api/v1/case/" + second + "/observables").json().size()).isZero();

        page.click("#add-observable summary");
        page.selectOption("#obs-type", "domain");
        page.fill("#obs-data", "one.example\nnot a domain\ntwo.example");
        page.click("#obs-confirm");
        // nothing is added while a line is refused; the line is named at its field and the input kept
        assertThat(page.locator("#obs-refused")).containsText("Nothing was added");
        assertThat(page.locator(".field-error[data-field=data]")).containsText("Line 2: Invalid domain observable 'not a domain'");
        assertThat(page.locator("#obs-data")).hasValue("one.example\nnot a domain\ntwo.example");
        assertThat(page.locator("tr.obs")).hasCount(0);
        page.fill("#obs-data", "one.example\ntwo.example");
        page.click("#obs-confirm");
        assertThat(page.locator("#observable-add-result .message-ok")).hasText("2 observables added");
        assertThat(page.locator("tr.obs")).hasCount(2);

        page.selectOption("#obs-type", "file");
        page.setInputFiles("#observable-form input[name=attachment]", new com.microsoft.playwright.options.FilePayload(
                "invoice.pdf.exe", "application/octet-stream", "MZ fake sample".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.click("#obs-confirm");
        assertThat(page.locator("tr.obs a.obs-data")).hasText("invoice.pdf.exe");
        shot("observables-added");
    }

    @Test
    void showsANewApiKeyOnceThenNeverAndRevokesIt() {
        logIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/account/keys"));
        page.fill("input[name=comment]", "MISP connector");
        page.fill("input[name=allowedIps]", "127.0.0.1");
        page.click("#create-key");
        Locator secret = page.locator("#secret");
        assertThat(secret).isVisible();
        String key = secret.textContent().trim();
        assertThat(key).hasSizeGreaterThan(20);
        assertThat(page.locator("#copy-secret")).isVisible();
        shot("api-key-created");
        assertThat(TestApi.withKey(port, key).get("/api/v1/user/current").status()).isEqualTo(200);

        page.reload();
        assertThat(page.locator("#secret")).hasCount(0);
        assertThat(page.content()).doesNotContain(key);
        Locator keyRow = page.locator("#key-list tr", new Page.LocatorOptions().setHasText("MISP connector"));
        assertThat(keyRow).containsText(key.substring(0, 8));
        assertThat(keyRow).containsText("127.0.0.1");
        assertThat(keyRow).containsText("Active");
        shot("api-keys");

        page.onDialog(d -> d.accept());
        keyRow.getByText("Revoke").click();
        assertThat(page.locator("#key-list tr", new Page.LocatorOptions().setHasText("MISP connector"))).containsText("Revoked");
        assertThat(TestApi.withKey(port, key).get("/api/v1/user/current").status()).isEqualTo(401);
    }

    @Test
    void rendersAScriptInAnAlertTitleAsTextAndPromotesTheAlert() {
        String title = "<script>alert(1)</script> Phishing wave " + unique("x");
        var created = admin.post("/api/v1/alert", Map.of("type", "misp", "source", "MISP Server", "sourceRef", unique("event"),
                "title", title, "description", "<img src=x onerror=alert(2)> from MISP",
                "observables", List.of(Map.of("dataType", "domain", "data", "evil.example", "ioc", true))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        AtomicInteger dialogs = new AtomicInteger();
        page.onDialog(d -> {
            dialogs.incrementAndGet();
            d.dismiss();
        });
        logIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/alerts"));
        Locator link = page.locator("a.alert-title", new Page.LocatorOptions().setHasText("Phishing wave"));
        assertThat(link).hasText(title);
        shot("alerts-list");
        link.click();
        assertThat(page.locator("#alert-title")).hasText(title);
        assertThat(page.locator("tr.obs")).containsText("evil.example");
        shot("alert-page");

        page.click("#promote");
        assertThat(page.locator("#case-title")).hasText(title);
        assertThat(page.locator("#messages")).containsText("Alert promoted to case #");
        shot("alert-promoted");
        page.click("#tab-observables");
        assertThat(page.locator("tr.obs")).containsText("evil.example");
        assertThat(dialogs.get()).as("no script from the alert ran").isZero();
    }

    @Test
    void logsOutAndKeepsApiKeyOnlyAccountsOut() {
        String robot = unique("robot");
        assertThat(admin.post("/api/v1/user", Map.of("login", robot, "name", "MISP sync", "profile", "analyst")).status())
                .isEqualTo(201);
        logIn("admin", ADMIN_PASSWORD);
        page.click("#logout");
        assertThat(page.locator("text=You are logged out.")).isVisible();
        page.navigate(url("/cases"));
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));

        page.fill("input[name=username]", robot);
        page.fill("input[name=password]", "whatever-password");
        page.click("button[type=submit]");
        assertThat(page.locator("#login-error")).isVisible();
        shot("login-refused");
    }

    @Test
    void refusesAPostWithoutTheCsrfToken() {
        logIn("admin", ADMIN_PASSWORD);
        Object status = page.evaluate("() => fetch('/cases', {method: 'POST', "
                + "body: new URLSearchParams({title: 'forged', description: 'forged'})}).then(r => r.status)");
        assertThat(((Number) status).intValue()).isEqualTo(403);
    }

    @Test
    void showsEachConnectorServerWithVersionStatusAndReason() {
        logIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/about"));
        for (Connector c : connectors.orderedStream().toList()) {
            assertThat(page.locator("#connector-" + c.name())).isVisible();
        }
        Locator probe = page.locator("#connector-" + UiTestBeans.CONNECTOR);
        Locator servers = probe.locator(".servers li");
        assertThat(servers.nth(0)).hasText(java.util.regex.Pattern.compile("MISP A\\s+–\\s+2\\.4\\.190\\s+\\(OK\\)"));
        assertThat(servers.nth(0).locator(".status-ok")).hasText("OK");
        assertThat(servers.nth(1)).containsText("MISP B – Unknown version");
        assertThat(servers.nth(1).locator(".status-error").first()).hasText("ERROR");
        assertThat(servers.nth(1).locator(".reason")).hasText(UiTestBeans.HOSTILE_REASON);
        probe.getByText("Test connection").click();
        assertThat(probe.locator(".test-result .message")).not().isEmpty();
        shot("about");
    }

    @Test
    void administersOrganisationsAndUsers() {
        String org = unique("soc");
        String login = unique("analyst");
        logIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/admin/organisations"));
        page.fill("input[name=name]", org);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.locator("#org-list")).containsText(org);
        shot("organisations");

        page.navigate(url("/admin/users"));
        page.fill("#user-form input[name=login]", login);
        page.fill("#user-form input[name=name]", "Ana Lyst");
        page.fill("#user-form input[name=password]", "analyst-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save user")).click();
        Locator row = page.locator("#user-list tr", new Page.LocatorOptions().setHasText(login));
        assertThat(row).containsText("password and API keys");
        row.locator("select[name=profile]").selectOption("read-only");
        row.getByText("Change").click();
        row = page.locator("#user-list tr", new Page.LocatorOptions().setHasText(login));
        assertThat(row.locator("select[name=profile]")).hasValue("read-only");
        page.onDialog(d -> d.accept());
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lock")).click();
        assertThat(page.locator("#user-list tr", new Page.LocatorOptions().setHasText(login))).containsText("Locked");
        shot("users");
        assertThat(admin.get("/api/v1/user/" + login).json().get("locked").asBoolean()).isTrue();
    }

    private void logIn(String login, String password) {
        page.navigate(url("/login"));
        if (SHOT.get() == 0) shot("login");
        page.fill("input[name=username]", login);
        page.fill("input[name=password]", password);
        page.click("button[type=submit]");
        assertThat(page.locator("#logout")).isVisible();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void shot(String name) {
        String file = String.format("%02d-%s.png", SHOT.incrementAndGet(), name);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)).setFullPage(true)
                .setTimeout(60_000));
    }
}
