package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static io.sightline.server.web.WorkspaceFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace around the home page on H2: empty states, PAP on the case page, the favicon and
 * the menu's current item (the widgets themselves: {@link UiHomeContract}).
 */
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiHomeTest extends HubTest {

    @Test
    void aProfileWithoutTheAuditTrailSeesWhyAndAnEmptyOrganisationSaysWhatToDo() {
        String org = unique("quiet");
        String analyst = user(admin, org, "analyst");
        var browser = new BrowserSession(port);
        browser.login(analyst, PASSWORD);
        Document home = Jsoup.parse(browser.get("/").body());
        assertThat(home.getElementById("home-activity").text()).contains("Your profile cannot read the audit trail.");
        assertThat(home.getElementById("home-cases").text()).contains("No open case is assigned to you.");
        assertThat(home.getElementById("home-alerts").text()).contains("No new alert waits for triage.");
        assertThat(Jsoup.parse(browser.get("/tasks/mine").body()).getElementById("no-task").text())
                .startsWith("No waiting or started task is assigned to you.");

        Document none = Jsoup.parse(browser.get("/cases").body());
        assertThat(none.getElementById("no-case-yet").text()).isEqualTo("No case yet. Create the first case");
        assertThat(none.select("#no-case-yet a").attr("href")).isEqualTo("/cases/new");
        Document filtered = Jsoup.parse(browser.get("/cases?tag=nothing-has-this").body());
        assertThat(filtered.getElementById("no-case-yet")).isNull();
        assertThat(filtered.select("#no-case-matches a").attr("href")).isEqualTo("/cases");
    }

    @Test
    void changesTheCasePapFromTheCasePage() {
        String id = createCase(admin, unique("pap"));
        long number = admin.get("/api/v1/case/" + id).json().get("number").asLong();
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        Document page = Jsoup.parse(browser.get("/cases/" + number).body());
        assertThat(page.select("#case-edit select[name=pap] option").eachText())
                .containsExactly("PAP:CLEAR", "PAP:GREEN", "PAP:AMBER", "PAP:RED");
        assertThat(page.select("#case-edit select[name=pap] option[selected]").text()).isEqualTo("PAP:AMBER");
        var saved = browser.post("/cases/" + number + "/details", Map.of("pap", "RED"), BrowserSession.token(page.html()));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/case/" + id).json().get("pap").asInt()).isEqualTo(3);
        assertThat(browser.get("/cases/" + number).body()).contains("Case updated");
        var refused = browser.post("/cases/" + number + "/details", Map.of("pap", "PURPLE"), BrowserSession.token(page.html()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Unknown PAP &#39;PURPLE&#39;");
        assertThat(admin.get("/api/v1/case/" + id).json().get("pap").asInt()).isEqualTo(3);
    }

    @Test
    void servesTheFaviconWithoutALoginAndEveryPageLinksIt() {
        var anonymous = new BrowserSession(port);
        var icon = anonymous.get("/img/favicon.svg");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
        assertThat(anonymous.get("/login").body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/img/favicon.svg\">");
        anonymous.login("admin", ADMIN_PASSWORD);
        for (String path : List.of("/", "/cases", "/alerts", "/about")) {
            assertThat(anonymous.get(path).body()).as(path).contains("href=\"/img/favicon.svg\"");
        }
    }

    @Test
    void marksTheCurrentPageInTheMenu() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        Map<String, String> current = Map.of("/", "Home", "/cases", "Cases", "/alerts", "Alerts", "/admin/users", "Users",
                "/account/keys", "API keys", "/admin/users/admin/keys", "API keys", "/about", "About");
        current.forEach((path, item) -> {
            var page = browser.get(path);
            if (page.status() == 302) page = browser.get(page.location().replaceFirst("^https?://[^/]+", ""));
            Document doc = Jsoup.parse(page.body());
            assertThat(doc.select("nav.mainnav a[aria-current=page]").eachText()).as(path).containsExactly(item);
            assertThat(doc.select(".navmenu-links a[aria-current=page]").eachText()).as(path).containsExactly(item);
        });
        assertThat(NavSection.of("/admin/users/someone/keys", "admin")).isEqualTo("users");
    }

}
