package io.sightline.testkit.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sightline bench ui-pages [--cases N] [--alert-observables N] [--visits N] [--jar path] [--keep | --database NAME]}:
 * the hub on PostgreSQL (127.0.0.1:5432, a fresh database) holding an organisation's 10,000 cases
 * with their tasks, observables and comments, a 5,000-observable alert and a small intel store
 * (see {@link UiBenchData}), then every page of the UI opened in headless Chromium as an analyst
 * of that organisation would, several times each. For each page it prints, from the browser's
 * Navigation Timing, the server's time (request sent to first byte, on loopback) and the time from
 * the first byte to the load event, p50 and max, and flags a page over 300 ms of server time or
 * 500 ms more to its load event. On a busy machine those times grow with the load, so each page
 * also shows the CPU time the hub and PostgreSQL spent per visit. {@code --keep} keeps the
 * database; {@code --database NAME} measures a hub (another build, say) on such a kept database.
 */
public final class UiPagesBench {
    static final double SERVER_BUDGET_MS = 300;
    static final double LOAD_BUDGET_MS = 500;
    private static final String LOCAL_PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String PASSWORD = "Bench-ui-pages-pw-1";
    private static final String LOGIN = "analyst@bench.example";
    private static final String TIMING = """
            () => { const n = performance.getEntriesByType('navigation')[0];
                    return [n.responseStart - n.requestStart, (n.loadEventEnd || n.loadEventStart) - n.responseStart]; }""";

    private UiPagesBench() {}

    public static void main(String[] args) throws Exception {
        int cases = 10_000, alertObservables = 5_000, visits = 5, intelObjects = 20_000;
        String jar = "server/target/sightline-server.jar";
        boolean keep = false;
        String reuse = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--alert-observables" -> alertObservables = Integer.parseInt(args[++i]);
                case "--visits" -> visits = Integer.parseInt(args[++i]);
                case "--jar" -> jar = args[++i];
                case "--keep" -> keep = true;
                case "--database" -> reuse = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --cases N, --alert-observables N, --visits N, --jar path, --keep, --database NAME)");
            }
        }
        if (cases < 1 || visits < 1 || alertObservables < 1) throw new IllegalArgumentException("counts must be at least 1");
        String database = reuse != null ? reuse : "sightline_ui_bench_" + System.currentTimeMillis();
        if (reuse == null) {
            try (Connection admin = DriverManager.getConnection(LOCAL_PG + "postgres", "postgres", "")) {
                admin.createStatement().execute("CREATE DATABASE " + database);
            }
        } else {
            keep = true;
        }
        String url = LOCAL_PG + database;
        System.out.println("Database " + url);
        Path log = Files.createTempFile("sightline-bench-hub-", ".log");
        try (HubProcess hub = HubProcess.start(Path.of(jar), url, List.of("--spring.datasource.username=postgres"), log,
                HubProcess.freePort(), Files.createTempDirectory("sightline-bench-"), Map.of());
             Connection db = DriverManager.getConnection(url, "postgres", "")) {
            System.out.println("Hub " + hub.url() + " (log: " + log + ")");
            Pages pages = reuse != null ? Pages.of(db) : seed(hub.url(), db, cases, alertObservables, intelObjects);
            measure(hub, database, pages, visits);
        } finally {
            if (!keep) {
                try (Connection admin = DriverManager.getConnection(LOCAL_PG + "postgres", "postgres", "")) {
                    admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        }
    }

    /** What the pages are about: the newest case, the big alert, an observable of the case. */
    private record Pages(long caseNumber, long alertId, long observableId) {
        /** Those of a database a previous run kept ({@code --keep}), to measure another build of the hub on the same rows. */
        static Pages of(Connection db) throws java.sql.SQLException {
            try (var s = db.createStatement(); var rs = s.executeQuery("""
                    SELECT c.number, (SELECT id FROM alert WHERE source_ref = 'big-alert'),
                           (SELECT MAX(o.id) FROM observable o WHERE o.case_id = c.id)
                    FROM case_record c JOIN organisation g ON g.id = c.org_id
                    WHERE g.name = 'bench' ORDER BY c.number DESC LIMIT 1""")) {
                if (!rs.next()) throw new IllegalStateException("no benchmark data in this database");
                return new Pages(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    private static Pages seed(String hubUrl, Connection db, int cases, int alertObservables, int intelObjects) throws Exception {
        KeepAliveHttp api = new KeepAliveHttp(HubProcess.ADMIN_KEY, 1);
        check(api.postJson(hubUrl + "/api/v1/organisation", "{\"name\":\"bench\",\"description\":\"UI benchmark\"}"));
        check(api.postJson(hubUrl + "/api/v1/user", "{\"login\":\"" + LOGIN + "\",\"name\":\"Bench Analyst\",\"profile\":\"org-admin\","
                + "\"organisation\":\"bench\",\"password\":\"" + PASSWORD + "\"}"));
        for (int i = 1; i <= 4; i++) {
            check(api.postJson(hubUrl + "/api/v1/user", "{\"login\":\"colleague" + i + "@bench.example\",\"name\":\"Colleague " + i
                    + "\",\"profile\":\"analyst\",\"organisation\":\"bench\"}"));
        }
        long orgId;
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM organisation WHERE name = 'bench'");
             var rs = ps.executeQuery()) {
            rs.next();
            orgId = rs.getLong(1);
        }
        long t0 = System.nanoTime();
        IntelBenchCorpus intel = new IntelBenchCorpus(intelObjects, 42, 200);
        intel.load(db);
        System.out.printf("Loading: intel store of %,d objects in %.1f s%n", intelObjects, (System.nanoTime() - t0) / 1e9);
        List<String> assignees = List.of(LOGIN, "colleague1@bench.example", "colleague2@bench.example",
                "colleague3@bench.example", "colleague4@bench.example");
        UiBenchData.Loaded loaded = UiBenchData.load(db, orgId, assignees, cases, alertObservables, intel.storedSample());
        System.out.printf("Loaded %,d cases, %,d tasks, %,d observables, %,d comments in %.1f s%n", loaded.cases(), loaded.tasks(),
                loaded.observables(), loaded.comments(), (System.nanoTime() - t0) / 1e9);
        return new Pages(loaded.newestCase(), loaded.alertId(), loaded.observableId());
    }

    private static void check(KeepAliveHttp.Response r) {
        if (r.status() != 201 && r.status() != 200) throw new IllegalStateException("set-up refused: HTTP " + r.status() + " " + r.body());
    }

    private static void measure(HubProcess hub, String database, Pages pages, int visits) throws java.io.IOException {
        String hubUrl = hub.url();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(Path.of(CHROMIUM)).setArgs(List.of("--no-sandbox", "--disable-gpu",
                             "--disable-background-networking", "--disable-component-update", "--no-first-run")))) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900)).newPage();
            page.navigate(hubUrl + "/login");
            page.fill("input[name=username]", LOGIN);
            page.fill("input[name=password]", PASSWORD);
            page.click("button[type=submit]");
            page.waitForSelector("#logout");
            Map<String, String> paths = paths(page, hubUrl, pages);
            System.out.printf("%nPages (%d visits each, after every page was opened twice; ms; server = request to first byte, load = first byte"
                    + " to load event, both from the browser's Navigation Timing; hubCpu and pgCpu = CPU time of the hub and of"
                    + " PostgreSQL per visit, which other work on the machine does not inflate; * over %.0f ms server or %.0f ms"
                    + " load) [load average %s]:%n", visits, SERVER_BUDGET_MS, LOAD_BUDGET_MS, loadAverage());
            System.out.printf("  %-34s %8s %9s %7s %8s %7s %6s  %s%n", "page", "server50", "serverMax", "load50", "loadMax",
                    "hubCpu", "pgCpu", "path");
            // Warm-up: every page twice first, so that the figures show a hub whose code is compiled. A page
            // this build of the hub does not have (an older one, on a kept database) is left out, saying so.
            paths.entrySet().removeIf(e -> {
                Response r = page.navigate(hubUrl + e.getValue());
                if (r != null && r.status() == 404) System.out.println("  (" + e.getKey() + ": 404 from this build, left out)");
                return r != null && r.status() == 404;
            });
            for (String path : paths.values()) visit(page, hubUrl + path);
            int over = 0;
            for (var e : paths.entrySet()) {
                double[] server = new double[visits], load = new double[visits];
                double hubCpu = CpuTimes.ofProcess(hub.pid());
                Map<Long, Double> pgCpu = CpuTimes.ofPostgresBackends(database);
                for (int i = 0; i < visits; i++) {
                    double[] t = visit(page, hubUrl + e.getValue());
                    server[i] = t[0];
                    load[i] = t[1];
                }
                double hubMs = (CpuTimes.ofProcess(hub.pid()) - hubCpu) * 1000 / visits;
                double pgMs = CpuTimes.delta(pgCpu, CpuTimes.ofPostgresBackends(database)) * 1000 / visits;
                Arrays.sort(server);
                Arrays.sort(load);
                boolean slow = server[visits - 1] > SERVER_BUDGET_MS || load[visits - 1] > LOAD_BUDGET_MS;
                if (slow) over++;
                System.out.printf("%s %-34s %8.0f %9.0f %7.0f %8.0f %7.0f %6.0f  %s%n", slow ? "*" : " ", e.getKey(),
                        server[visits / 2], server[visits - 1], load[visits / 2], load[visits - 1], hubMs, pgMs, e.getValue());
            }
            System.out.printf("%d of %d pages over budget [load average %s]%n", over, paths.size(), loadAverage());
        }
    }

    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static double[] visit(Page page, String url) {
        Response r = page.navigate(url);
        if (r == null || r.status() != 200) throw new IllegalStateException(url + ": HTTP " + (r == null ? "none" : r.status()));
        List<?> t = (List<?>) page.evaluate(TIMING);
        return new double[] {((Number) t.get(0)).doubleValue(), ((Number) t.get(1)).doubleValue()};
    }

    /** Every page of the UI, by name; links found on the pages themselves where ids are not known in advance. */
    private static Map<String, String> paths(Page page, String hubUrl, Pages pages) {
        String c = "/cases/" + pages.caseNumber();
        String a = "/alerts/" + pages.alertId();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("home", "/");
        p.put("cases list", "/cases");
        p.put("cases list, open, page 3", "/cases?stage=open&page=3");
        p.put("cases list, by title", "/cases?q=host-42");
        p.put("case details", c);
        p.put("case observables", c + "?tab=observables");
        p.put("case observables, by value", c + "?tab=observables&q=bench");
        p.put("case tasks (tab)", c + "?tab=tasks");
        p.put("case tasks (fragment)", c + "/tasks");
        p.put("case notes (tab)", c + "?tab=notes");
        p.put("case notes (fragment)", c + "/notes");
        p.put("case history", c + "?tab=audit");
        p.put("case timeline (fragment)", c + "/timeline");
        p.put("case TTPs (fragment)", c + "/ttps");
        p.put("alerts list", "/alerts");
        p.put("big alert", a);
        p.put("big alert observables, page 2", a + "?page=2");
        p.put("big alert observables, page 100", a + "?page=100");
        p.put("big alert observables, by IOC", a + "?ioc=yes");
        p.put("my tasks", "/tasks/mine");
        p.put("tasks, all", "/tasks?status=all");
        p.put("tasks, waiting, by case, page 50", "/tasks?status=Waiting&sort=case&page=50");
        p.put("tasks, by title", "/tasks?status=all&q=task+2&sort=title");
        p.put("intel search", "/intel");
        p.put("intel search, a value", "/intel?q=update");
        p.put("users", "/admin/users");
        p.put("organisations", "/admin/organisations");
        p.put("profiles", "/admin/profiles");
        p.put("API keys", "/account/keys");
        p.put("about", "/about");
        p.put("observable", "/observables/" + pages.observableId());
        page.navigate(hubUrl + "/intel");
        link(page, "a[href^='/intel/reports/']").ifPresent(href -> p.put("intel report", href));
        link(page, "a[href^='/intel/dossier']").ifPresent(href -> p.put("intel dossier", href));
        return p;
    }

    private static java.util.Optional<String> link(Page page, String selector) {
        var found = page.locator(selector);
        if (found.count() == 0) {
            System.out.println("  (no link " + selector + " on " + page.url() + ": page skipped)");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(found.first().getAttribute("href"));
    }
}
