package io.sightline.server.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.sightline.server.web.WorkspaceFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's workspace in headless Chromium (skipped without it): the menu on a narrow screen
 * with the keyboard, the home page and its links, the confirmations before locking, ignoring and
 * closing, the API key page's way back, the case list's empty states and paging. Screenshots go to
 * target/screenshots as workspace-*.png.
 */
@Import(UiTestBeans.class)
class UiWorkspaceBrowserTest extends BrowserHubTest {
    private static final AtomicInteger SHOT = new AtomicInteger();
    /** Every answer of 400 or more the page received, as "status url". */
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @Override
    protected void watch(Page newPage) {
        newPage.onResponse(r -> {
            if (r.status() >= 400) failures.add(r.status() + " " + r.url());
        });
    }

    @Test
    void aNarrowScreenOpensTheMenuWithTheKeyboardAndMarksTheCurrentPage() {
        page.setViewportSize(390, 844);
        logIn("admin", ADMIN_PASSWORD);
        Locator menu = page.locator("#navmenu-button");
        assertThat(menu).isVisible();
        assertThat(page.locator("nav.mainnav")).isHidden();
        assertThat(page.locator(".navmenu-links")).isHidden();
        shot("menu-narrow-closed");

        menu.focus();
        page.keyboard().press("Enter");
        Locator links = page.locator(".navmenu-links");
        assertThat(links).isVisible();
        assertThat(links.locator("a")).hasText(new String[] {"Home", "Cases", "Alerts", "Tasks", "Intel", "Users", "Organisations", "Profiles",
                "API keys", "About"});
        assertThat(links.locator("a[aria-current=page]")).hasText("Home");
        shot("menu-narrow-open");

        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertThat(links.locator("a", new Locator.LocatorOptions().setHasText("Alerts"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/alerts$"));
        menu = page.locator("#navmenu-button");
        menu.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".navmenu-links a[aria-current=page]")).hasText("Alerts");
        shot("menu-narrow-current-alerts");
        page.keyboard().press("Escape");
        assertThat(page.locator(".navmenu-links")).isHidden();
        assertThat(menu).isFocused();

        menu.click();
        page.locator(".navmenu-links a", new Page.LocatorOptions().setHasText("Users")).click();
        assertThat(page.locator("#user-list")).isVisible();
        menu = page.locator("#navmenu-button");
        menu.click();
        page.locator(".navmenu-links a", new Page.LocatorOptions().setHasText("About")).click();
        assertThat(page.locator("h1")).hasText("About");
        shot("about-narrow");

        page.setViewportSize(1360, 900);
        assertThat(page.locator("#navmenu-button")).isHidden();
        assertThat(page.locator("nav.mainnav a[aria-current=page]")).hasText("About");
        shot("menu-wide-current-about");
        assertThat(page.locator("link[rel=icon]")).hasAttribute("href", "/img/favicon.svg");
        assertThat(page.request().get(url("/img/favicon.svg")).status()).isEqualTo(200);
        assertThat(failures).as("no page or resource answered an error").isEmpty();
    }

    @Test
    void theHomePageShowsMyWorkAndLinksIntoTheFilteredLists() {
        String org = unique("desk");
        String me = user(admin, org, "org-admin");
        TestApi api = TestApi.withPassword(port, me, PASSWORD);
        String phishing = caseOf(api, "Phishing wave against finance", me, 3);
        caseOf(api, "Beaconing host in DMZ", me, 4);
        caseOf(api, "Unassigned triage", null, 2);
        task(api, phishing, "Block the sender domain", me, "Waiting");
        task(api, phishing, "Reset exposed passwords", me, "Waiting");
        String feed = unique("misp");
        alert(api, feed, 3, "Credential harvesting kit");
        alert(api, feed, 3, "Fake invoice campaign");
        alert(api, "phishtank", 2, "Reported login page");
        alert(api, "phishtank", 1, "Parked domain");

        logIn(me, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*:\\d+/$"));
        assertThat(page.locator("#home-cases li")).hasCount(2);
        assertThat(page.locator("#home-cases li a").first()).containsText("Beaconing host in DMZ");
        assertThat(page.locator("#home-tasks li a")).hasText(new String[] {"Block the sender domain", "Reset exposed passwords"});
        assertThat(page.locator("#home-alerts h2 .count")).hasText("4");
        assertThat(page.locator("#home-alerts-severity li")).hasText(new String[] {"HIGH 2", "MEDIUM 1", "LOW 1"});
        assertThat(page.locator("#home-alerts-source li")).hasText(new String[] {feed + " 2", "phishtank 2"});
        assertThat(page.locator("#home-activity li").first()).containsText(me + " created alert Parked domain");
        assertThat(page.locator("#health-" + UiTestBeans.CONNECTOR)).isVisible();
        shot("home");

        page.locator("#home-cases h2 a").click();
        assertThat(page.locator("select[name=stage]")).hasValue("open");
        assertThat(page.locator("select[name=assignee]")).hasValue(me);
        assertThat(page.locator("#case-list .case-title")).hasText(new String[] {"Beaconing host in DMZ", "Phishing wave against finance"});
        shot("home-my-open-cases");

        page.goBack();
        page.locator("#home-alerts-source a", new Page.LocatorOptions().setHasText(feed)).click();
        assertThat(page).hasURL(Pattern.compile(".*/alerts\\?status=New&source=" + feed + "$"));
        assertThat(page.locator("a.alert-title")).hasCount(2);
        page.goBack();
        page.locator("#home-tasks h2 a").click();
        assertThat(page.locator("#task-list .task-link")).hasText(new String[] {"Block the sender domain", "Reset exposed passwords"});
        shot("my-tasks");
        page.goBack();
        page.locator("#home-tasks li a").first().click();
        assertThat(page.locator("#case-title")).hasText("Phishing wave against finance");
        assertThat(page.locator("article.task .task-title").first()).hasText("Block the sender domain");
        page.navigate(url("/"));
        page.locator("#health-" + UiTestBeans.CONNECTOR).click();
        assertThat(page).hasURL(Pattern.compile(".*/about#connector-probe$"));

        page.setViewportSize(390, 844);
        page.navigate(url("/"));
        assertThat(page.locator("#home-alerts")).isVisible();
        shot("home-narrow");
    }

    @Test
    void asksBeforeLockingAUserIgnoringAnAlertAndClosingACase() {
        String login = unique("locked");
        assertThat(admin.post("/api/v1/user", Map.of("login", login, "name", "To lock", "profile", "analyst")).status()).isEqualTo(201);
        String alertId = alert(admin, "MISP", 2, "Noise " + unique("a"));
        String caseId = createCase(admin, unique("closing"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        List<String> questions = new CopyOnWriteArrayList<>();
        AtomicInteger accept = new AtomicInteger();
        page.onDialog(d -> {
            questions.add(d.message());
            if (accept.get() > 0) d.accept(); else d.dismiss();
        });
        logIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/admin/users"));
        Locator row = page.locator("#user-list tr", new Page.LocatorOptions().setHasText(login));
        lockButton(row, "Lock").click();
        assertThat(page.locator("#user-list tr", new Page.LocatorOptions().setHasText(login))).containsText("Active");
        assertThat(questions).containsExactly("Lock " + login + "? They can no longer log in or use their API keys until unlocked.");
        assertThat(admin.get("/api/v1/user/" + login).json().get("locked").asBoolean()).isFalse();
        accept.set(1);
        lockButton(row, "Lock").click();
        assertThat(page.locator("#user-list tr", new Page.LocatorOptions().setHasText(login))).containsText("Locked");
        assertThat(admin.get("/api/v1/user/" + login).json().get("locked").asBoolean()).isTrue();
        shot("user-locked-after-confirmation");
        lockButton(page.locator("#user-list tr", new Page.LocatorOptions().setHasText(login)), "Unlock").click();
        assertThat(page.locator("#user-list tr", new Page.LocatorOptions().setHasText(login))).containsText("Active");
        assertThat(questions).as("unlocking asks nothing").hasSize(2);

        accept.set(0);
        page.navigate(url("/alerts/" + alertId.substring(1)));
        page.click("#ignore");
        assertThat(page.locator("#alert-status")).hasText("New");
        assertThat(questions.get(2)).startsWith("Ignore this alert?");
        accept.set(1);
        page.click("#ignore");
        assertThat(page.locator("#alert-status")).hasText("Ignored");
        assertThat(admin.get("/api/v1/alert/" + alertId).json().get("status").asString()).isEqualTo("Ignored");

        accept.set(0);
        page.navigate(url("/cases/" + number));
        assertThat(page.locator("#close-form")).isHidden();
        shot("case-close-folded");
        page.click("text=Edit details");
        page.selectOption("#case-edit select[name=pap]", "RED");
        page.click("#case-edit button[type=submit]");
        assertThat(page.locator(".badges .pap")).hasText("PAP:RED");
        page.click("#close-case summary");
        page.selectOption("#close-form select[name=status]", "FalsePositive");
        page.fill("#close-form textarea[name=summary]", "Benign scanner");
        shot("case-close-unfolded");
        page.click("#close-form button[type=submit]");
        assertThat(page.locator("#case-status")).not().hasText("FalsePositive");
        assertThat(questions.get(4)).isEqualTo("Close case #" + number + "? It leaves the open cases; it can be reopened later.");
        assertThat(admin.get("/api/v1/case/" + caseId).json().get("status").asString()).isEqualTo("New");
        accept.set(1);
        page.click("#close-form button[type=submit]");
        assertThat(page.locator("#case-status")).hasText("FalsePositive");
        assertThat(page.locator("#close-case")).hasCount(0);
        assertThat(admin.get("/api/v1/case/" + caseId).json().get("pap").asInt()).isEqualTo(3);
        shot("case-closed");
    }

    @Test
    void anApiKeyLeadsBackAndTheCaseListSaysWhatToDoWhenEmpty() {
        String org = unique("fresh");
        String me = user(admin, org, "org-admin");
        String colleague = user(admin, org, "analyst");
        logIn(me, PASSWORD);
        page.navigate(url("/cases"));
        assertThat(page.locator("#no-case-yet")).hasText("No case yet. Create the first case");
        shot("cases-empty");
        page.selectOption("select[name=severity]", "4");
        page.click("form.filters button[type=submit]");
        assertThat(page.locator("#no-case-matches")).containsText("No case matches these filters.");
        shot("cases-no-match");
        page.click("#no-case-matches a");
        assertThat(page).hasURL(Pattern.compile(".*/cases$"));
        page.click("#no-case-yet a");
        page.fill("input[name=title]", "First case of " + org);
        page.fill("textarea[name=description]", "d");
        page.click("#confirm-case");
        assertThat(page.locator("#case-title")).hasText("First case of " + org);

        TestApi api = TestApi.withPassword(port, me, PASSWORD);
        for (int i = 0; i < ListQuery.PAGE_SIZE + 1; i++) caseOf(api, "Bulk " + i, null, 2);
        page.navigate(url("/cases?page=99"));
        assertThat(page.locator(".pager span")).hasText("Page 2 of 2");
        assertThat(page.locator("#case-list .case-title")).hasText(new String[] {"Bulk 0", "First case of " + org});
        shot("cases-page-past-the-end");

        page.navigate(url("/account/keys"));
        assertThat(page.locator("#back-to-users")).hasCount(0);
        assertThat(page.locator("#create-key")).hasText("Create API key");
        page.fill("input[name=comment]", "SOAR");
        page.click("#create-key");
        assertThat(page.locator("#secret")).isVisible();
        shot("api-key-created-with-way-back");
        page.click("#key-done");
        assertThat(page.locator("#secret")).hasCount(0);
        assertThat(page.locator("#key-list")).containsText("SOAR");

        page.navigate(url("/admin/users/" + colleague + "/keys"));
        page.click("#back-to-users");
        assertThat(page).hasURL(Pattern.compile(".*/admin/users$"));
        assertThat(page.locator("nav.mainnav a[aria-current=page]")).hasText("Users");
    }

    private static Locator lockButton(Locator row, String name) {
        return row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private void shot(String name) {
        String file = String.format("workspace-%02d-%s.png", SHOT.incrementAndGet(), name);
        page.screenshot(new Page.ScreenshotOptions().setPath(UiBrowserTest.SCREENSHOTS.resolve(file)).setFullPage(true)
                .setTimeout(60_000));
    }
}
