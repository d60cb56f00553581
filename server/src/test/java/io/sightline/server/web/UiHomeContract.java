package io.sightline.server.web;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static io.sightline.server.web.WorkspaceFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's widgets and the case list's order and paging, read over HTTP as a browser would:
 * every widget shows the caller's own organisation only, and each link opens the list it
 * summarises. Run on H2 and on PostgreSQL, whose SQL the widgets' bounded queries must both speak.
 */
@Import(UiTestBeans.class)
abstract class UiHomeContract extends HubTest {
    @Test
    void theTaskListFiltersSortsAndPagesTheOrganisationsTasksOnly() {
        String org = unique("tasklist");
        String me = user(admin, org, "org-admin");
        String colleague = user(admin, org, "analyst");
        TestApi api = TestApi.withPassword(port, me, PASSWORD);
        String first = caseOf(api, "First " + unique("c"), me, 2);
        String second = caseOf(api, "Second " + unique("c"), null, 2);
        task(api, first, "Alpha 100%_done", me, "Waiting");
        task(api, second, "beta", colleague, "InProgress");
        task(api, second, "Gamma", colleague, "Completed");
        for (int i = 1; i <= 20; i++) task(api, first, String.format("Step %02d", i), colleague, "Waiting");
        task(admin, caseOf(admin, "Foreign " + unique("c"), null, 2), "Foreign task", "admin", "Waiting");

        var browser = new BrowserSession(port);
        browser.login(me, PASSWORD);
        Document open = Jsoup.parse(browser.get("/tasks").body());
        assertThat(open.select("h1 .count").text()).isEqualTo("22");
        assertThat(open.select("#task-list .task-link")).hasSize(20);
        assertThat(open.text()).doesNotContain("Foreign task").doesNotContain("Gamma");
        assertThat(open.select(".pager").text()).contains("Page 1 of 2");
        Document last = Jsoup.parse(browser.get("/tasks?page=9").body());
        assertThat(last.select(".pager").text()).as("a page past the end is the last one").contains("Page 2 of 2");

        Document byTitle = Jsoup.parse(browser.get("/tasks?status=all&sort=title&dir=asc&assignee=").body());
        assertThat(byTitle.select("#task-list .task-link").eachText()).startsWith("Alpha 100%_done", "beta", "Gamma", "Step 01");
        assertThat(byTitle.select("th[aria-sort=ascending]").text()).startsWith("Task");
        Document literal = Jsoup.parse(browser.get("/tasks?status=all&q=100%25_").body());
        assertThat(literal.select("#task-list .task-link").eachText()).as("% and _ are searched literally").containsExactly("Alpha 100%_done");
        Document colleagues = Jsoup.parse(browser.get("/tasks?status=InProgress&assignee=" + colleague).body());
        assertThat(colleagues.select("#task-list .task-link").eachText()).containsExactly("beta");
        assertThat(colleagues.select("#task-list .task-case").attr("href")).isEqualTo("/cases/" + number(api, second));
        Document byCase = Jsoup.parse(browser.get("/tasks?status=all&sort=case&dir=desc").body());
        assertThat(byCase.select("#task-list .task-case").first().text()).startsWith("#" + number(api, second) + " ");

        Document mine = Jsoup.parse(browser.get("/tasks/mine").body());
        assertThat(mine.select("h1").text()).startsWith("My tasks");
        assertThat(mine.select("#task-list .task-link").eachText()).containsExactly("Alpha 100%_done");
        var stale = browser.get("/tasks?status=Done&sort=colour");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(Jsoup.parse(stale.body()).select(".field-error").eachText())
                .anySatisfy(m -> assertThat(m).contains("Unknown status 'Done'"))
                .anySatisfy(m -> assertThat(m).contains("cannot be sorted by 'colour'"));
    }

    @Test
    void showsMyOpenCasesMyTasksNewAlertsAndActivityOfMyOrganisationOnly() {
        String org = unique("home");
        String me = user(admin, org, "org-admin");
        String colleague = user(admin, org, "analyst");
        TestApi api = TestApi.withPassword(port, me, PASSWORD);
        String mine = caseOf(api, "Mine " + unique("c"), me, 2);
        String closed = caseOf(api, "Closed " + unique("c"), me, 2);
        String theirs = caseOf(api, "Theirs " + unique("c"), colleague, 2);
        String foreign = "Foreign " + unique("c");
        assertThat(admin.post("/api/v1/case", Map.of("title", foreign, "description", "d", "assignee", "admin")).status())
                .isEqualTo(201);
        task(api, mine, "Contain the host", me, "Waiting");
        task(api, mine, "Already done", me, "Completed");
        task(api, theirs, "Not my task", colleague, "Waiting");
        String feed = unique("feed");
        alert(api, feed, 3, "First " + feed);
        alert(api, feed, 3, "Second " + feed);
        alert(api, feed + "-low", 1, "Low " + feed);
        String ignored = alert(api, feed, 3, "Ignored " + feed);
        assertThat(api.patch("/api/v1/alert/" + ignored, Map.of("status", "Ignored")).status()).isEqualTo(200);
        alert(admin, feed, 4, "Foreign alert " + feed);
        // Closed last, so that it is the newest entry of the organisation's activity.
        assertThat(api.patch("/api/v1/case/" + closed, Map.of("status", "TruePositive", "summary", "done")).status()).isEqualTo(200);

        var browser = new BrowserSession(port);
        assertThat(browser.login(me, PASSWORD).location()).as("after login").matches("(https?://[^/]+)?/");
        Document home = Jsoup.parse(browser.get("/").body());

        Element cases = home.getElementById("home-cases");
        assertThat(cases.select(".count").text()).isEqualTo("1");
        assertThat(cases.select("li a").eachText()).containsExactly("#" + number(api, mine) + " " + title(api, mine));
        assertThat(cases.text()).doesNotContain("Closed ").doesNotContain("Theirs ").doesNotContain(foreign);
        String myCasesLink = cases.select("h2 a").attr("href");
        assertThat(myCasesLink).isEqualTo("/cases?assignee=" + me + "&stage=open");
        String myCasesList = browser.get(myCasesLink).body();
        assertThat(myCasesList).contains(title(api, mine)).doesNotContain(title(api, closed)).doesNotContain(title(api, theirs));

        Element tasks = home.getElementById("home-tasks");
        assertThat(tasks.select(".count").text()).isEqualTo("1");
        assertThat(tasks.select("li a").eachText()).containsExactly("Contain the host");
        assertThat(tasks.select("li a").attr("href")).isEqualTo("/cases/" + number(api, mine) + "?tab=tasks");
        assertThat(tasks.select("h2 a").attr("href")).isEqualTo("/tasks/mine");
        Document myTasks = Jsoup.parse(browser.get("/tasks/mine").body());
        assertThat(myTasks.select("#task-list .task-link").eachText()).containsExactly("Contain the host");
        assertThat(myTasks.select("#task-list tbody tr").text()).contains("#" + number(api, mine) + " " + title(api, mine));

        Element alerts = home.getElementById("home-alerts");
        assertThat(alerts.select("h2 .count").text()).isEqualTo("3");
        assertThat(alerts.select("#home-alerts-severity li").eachText()).containsExactly("HIGH 2", "LOW 1");
        assertThat(alerts.select("#home-alerts-source li").eachText()).containsExactly(feed + " 2", feed + "-low 1");
        String bySource = alerts.select("#home-alerts-source a").first().attr("href");
        assertThat(bySource).isEqualTo("/alerts?status=New&source=" + feed);
        String sourceList = browser.get(bySource).body();
        assertThat(sourceList).contains("First " + feed).contains("Second " + feed).doesNotContain("Ignored " + feed)
                .doesNotContain("Low " + feed).doesNotContain("Foreign alert");
        String bySeverity = alerts.select("#home-alerts-severity a").last().attr("href");
        assertThat(bySeverity).isEqualTo("/alerts?status=New&severity=1");
        assertThat(browser.get(bySeverity).body()).contains("Low " + feed).doesNotContain("First " + feed);

        Element activity = home.getElementById("home-activity");
        Element closing = activity.select("li").stream().filter(li -> li.text().contains("updated case")).findFirst().orElseThrow();
        assertThat(closing.text()).startsWith(me + " updated case #" + number(api, closed) + " " + title(api, closed))
                .contains("status");
        assertThat(closing.select("a").attr("href")).isEqualTo("/cases/" + number(api, closed));
        assertThat(activity.text()).contains(me + " created alert First " + feed).doesNotContain("Foreign");

        assertThat(home.getElementById("health-" + UiTestBeans.CONNECTOR).attr("href")).isEqualTo("/about#connector-probe");
        Element probe = home.getElementById("health-" + UiTestBeans.CONNECTOR);
        assertThat(probe.text()).as("one of its two servers fails").isEqualTo("probe WARNING");
        assertThat(probe.hasClass("health-warn")).isTrue();
    }

    @Test
    void listsCasesByNumberNewestFirstAndAPagePastTheEndShowsTheLastPage() {
        String org = unique("paging");
        String me = user(admin, org, "analyst");
        TestApi api = TestApi.withPassword(port, me, PASSWORD);
        for (int i = 0; i < ListQuery.PAGE_SIZE + 2; i++) caseOf(api, "Paged " + i, null, 2);
        var browser = new BrowserSession(port);
        browser.login(me, PASSWORD);

        Document first = Jsoup.parse(browser.get("/cases").body());
        List<Long> numbers = first.select("#case-list tbody tr td:first-child").eachText().stream().map(Long::parseLong).toList();
        assertThat(numbers).hasSize(ListQuery.PAGE_SIZE).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Document last = Jsoup.parse(browser.get("/cases?page=99").body());
        assertThat(last.select(".pager span").text()).isEqualTo("Page 2 of 2");
        assertThat(last.select("#case-list tbody tr td:nth-child(2)").eachText()).containsExactly("Paged 1", "Paged 0");
        assertThat(last.select(".pager a").attr("href")).isEqualTo("/cases?page=1");

        var refused = browser.get("/cases?stage=someday");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Stage must be open or closed, not &#39;someday&#39;");
    }
}
