package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.sightline.server.web.WorkspaceFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation's task list in headless Chromium (skipped without it): reached from the menu,
 * its views (mine, waiting, in progress, all), the assignee and status filters, sorting by a column
 * heading, paging, each task linking to its case, all with the keyboard; another organisation's
 * tasks never show. Screenshots go to target/screenshots as tasks-*.png.
 */
class UiTaskListBrowserTest extends BrowserHubTest {
    private static final AtomicInteger SHOT = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @Override
    protected void watch(Page newPage) {
        newPage.onResponse(r -> {
            if (r.status() >= 400) failures.add(r.status() + " " + r.url());
        });
    }

    @Test
    void theTaskListFiltersSortsPagesAndLeadsToTheCaseWithTheKeyboard() {
        String org = unique("tasks");
        String me = user(admin, org, "org-admin");
        String colleague = user(admin, org, "analyst");
        TestApi api = TestApi.withPassword(port, me, PASSWORD);
        String phishing = caseOf(api, "Phishing wave against finance", me, 3);
        String beacon = caseOf(api, "Beaconing host in DMZ", null, 2);
        task(api, phishing, "Block the sender domain", me, "Waiting");
        task(api, phishing, "Reset exposed passwords", me, "InProgress");
        task(api, phishing, "Write the report", me, "Completed");
        task(api, beacon, "Isolate the host", colleague, "Waiting");
        task(api, beacon, "Collect memory", colleague, "InProgress");
        for (int i = 1; i <= 21; i++) task(api, beacon, String.format("Check proxy log %02d", i), colleague, "Completed");
        String elsewhere = user(admin, unique("other"), "org-admin");
        TestApi stranger = TestApi.withPassword(port, elsewhere, PASSWORD);
        task(stranger, caseOf(stranger, "Someone else's case", elsewhere, 2), "Not for your eyes", elsewhere, "Waiting");

        logIn(me, PASSWORD);
        page.locator("nav.mainnav a", new Page.LocatorOptions().setHasText("Tasks")).click();
        assertThat(page.locator("nav.mainnav a[aria-current=page]")).hasText("Tasks");
        // By default: the organisation's tasks still to do, due soonest first, then the oldest.
        assertThat(page.locator("#task-list .task-link")).hasText(new String[] {"Block the sender domain", "Reset exposed passwords",
                "Isolate the host", "Collect memory"});
        assertThat(page.locator("h1 .count")).hasText("4");
        shot("to-do");

        page.locator("#view-mine").click();
        assertThat(page.locator("h1")).containsText("My tasks");
        assertThat(page.locator("#view-mine")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#task-list .task-link")).hasText(new String[] {"Block the sender domain", "Reset exposed passwords"});
        page.locator("#view-waiting").click();
        assertThat(page.locator("#task-list .task-link")).hasText(new String[] {"Block the sender domain", "Isolate the host"});
        page.locator("#view-in-progress").click();
        assertThat(page.locator("#task-list .task-link")).hasText(new String[] {"Reset exposed passwords", "Collect memory"});
        shot("in-progress");

        // All, by the colleague, sorted by title from its heading: 23 tasks, two pages of 20.
        page.locator("#view-all").click();
        assertThat(page.locator("h1 .count")).hasText("26");
        page.selectOption("#task-assignee-filter", colleague);
        page.locator("#task-filters button[type=submit]").click();
        assertThat(page.locator("h1 .count")).hasText("23");
        page.locator("#task-list th a", new Page.LocatorOptions().setHasText("Task")).click();
        assertThat(page.locator("#task-list th[aria-sort=ascending]")).hasText("Task ▲");
        Locator titles = page.locator("#task-list .task-link");
        assertThat(titles).hasCount(20);
        assertThat(titles.first()).hasText("Check proxy log 01");
        assertThat(page.locator(".pager")).containsText("Page 1 of 2");
        shot("colleague-by-title");
        page.locator(".pager a", new Page.LocatorOptions().setHasText("Next")).click();
        assertThat(titles).hasText(new String[] {"Check proxy log 21", "Collect memory", "Isolate the host"});
        assertThat(page.locator("#task-assignee-filter")).hasValue(colleague);
        page.locator("#task-list th a", new Page.LocatorOptions().setHasText("Task")).click();
        assertThat(titles.first()).hasText("Isolate the host");

        // A status from the filter, then the keyboard from the first task to its case's Tasks tab.
        page.selectOption("#task-status-filter", "Completed");
        page.selectOption("#task-assignee-filter", me);
        page.locator("#task-filters button[type=submit]").click();
        assertThat(titles).hasText(new String[] {"Write the report"});
        assertThat(page.locator("#task-list .task-case")).hasText("#" + number(api, phishing) + " Phishing wave against finance");
        titles.first().focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/cases/" + number(api, phishing) + "\\?tab=tasks$"));
        assertThat(page.locator("#case-title")).hasText("Phishing wave against finance");

        // A stale link falls back with a message instead of breaking, and nothing of another organisation shows.
        page.navigate(url("/tasks?status=Nonsense&sort=colour"));
        assertThat(page.locator(".field-error").first()).containsText("Unknown status 'Nonsense'");
        assertThat(page.locator(".field-error").nth(1)).containsText("cannot be sorted by 'colour'");
        page.navigate(url("/tasks?status=all&q=eyes"));
        assertThat(page.locator("#no-task-matches")).isVisible();
        shot("no-match");
        assertThat(failures).as("no page or resource answered an error").isEmpty();
    }

    private void shot(String name) {
        String file = String.format("tasks-%02d-%s.png", SHOT.incrementAndGet(), name);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(file)).setFullPage(true)
                .setTimeout(60_000));
    }
}
