package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused forms over HTTP, as a browser without scripts sends them: the page comes back with what
 * was typed and every refusal at its field, nothing is written, and a form too large for the hub
 * gets a page (the API keeps its JSON).
 */
@ContextConfiguration(initializers = H2Database.class)
class UiFormsTest extends HubTest {

    @Test
    void apiKeyFormNamesEveryBadRangeAndKeepsWhatWasTyped() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String form = browser.get("/admin/users/admin/keys").body();
        int keysBefore = count(form, "<code>sl_");
        var refused = browser.post("/admin/users/admin/keys", Map.of("comment", "siem collector",
                "allowedIps", "10.0.0.300, 192.168.1.0/24, 10.1.0.0/40, not-an-ip", "expiry", "2026-12-31"), BrowserSession.token(form));

        assertThat(refused.status()).isEqualTo(400);
        String allowedIpsError = fieldError(refused.body(), "allowedIps");
        assertThat(allowedIpsError).contains("3 invalid allowed IP ranges").contains("&#39;10.0.0.300&#39;: not an IP address").contains("&#39;10.1.0.0/40&#39;: prefix length")
                .contains("&#39;not-an-ip&#39;").doesNotContain("192.168.1.0/24");
        assertThat(refused.body()).contains("value=\"siem collector\"")
                .contains("value=\"10.0.0.300, 192.168.1.0/24, 10.1.0.0/40, not-an-ip\"").contains("value=\"2026-12-31\"");
        assertThat(count(browser.get("/admin/users/admin/keys").body(), "<code>sl_")).isEqualTo(keysBefore);
    }

    @Test
    void refusedCaseKeepsTheDescriptionAndShowsTheRefusalAtTheTitle() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String token = BrowserSession.token(browser.get("/cases/new").body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "   ");
        fields.put("description", "Beacon to <b>c2</b> every 60 s");
        fields.put("severity", "3");
        fields.put("tlp", "RED");
        fields.put("pap", "GREEN");
        fields.put("tags", "beacon, c2");
        var refused = browser.post("/cases", fields, token);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldError(refused.body(), "title")).contains("Field title of case must not be empty");
        assertThat(refused.body()).contains("Beacon to &lt;b&gt;c2&lt;/b&gt; every 60 s</textarea>")
                .contains("value=\"beacon, c2\"").containsPattern("value=\"3\"\\s+selected")
                .containsPattern("value=\"RED\"\\s+selected");

        fields.put("title", "beacon");
        fields.put("severity", "very");
        var unreadable = browser.post("/cases", fields, token);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(fieldError(unreadable.body(), "severity")).contains("Field severity must be a whole number, not &#39;very&#39;");
    }

    @Test
    void refusedCaseEditShowsTheEditFormOpenWithWhatWasTyped() {
        String caseId = createCase(admin, unique("edit"));
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String token = BrowserSession.token(browser.get("/cases/" + number).body());
        var refused = browser.post("/cases/" + number + "/details", Map.of("title", "", "description", "rewritten text",
                "severity", "4", "tlp", "GREEN", "assignee", "", "tags", "kept"), token);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("<details class=\"card\"\\s+open=\"open\"")
                .contains("rewritten text</textarea>").contains("value=\"kept\"");
        assertThat(fieldError(refused.body(), "title")).contains("Field title of case");
        assertThat(admin.get("/api/v1/case/" + caseId).json().get("description").asString()).isEqualTo("test case");
    }

    @Test
    void refusedOrganisationUserAndMergeKeepTheirInput() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String token = BrowserSession.token(browser.get("/admin/organisations").body());
        var org = browser.post("/admin/organisations", Map.of("name", "admin", "description", "second admin org"), token);
        assertThat(org.status()).isEqualTo(400);
        assertThat(fieldError(org.body(), "name")).contains("Organisation admin already exists");
        assertThat(org.body()).contains("second admin org</textarea>");

        String login = unique("weak") + "@admin";
        var user = browser.post("/admin/users", Map.of("login", login, "name", "Weak Password", "organisation", "admin",
                "profile", "analyst", "password", "password"), token);
        assertThat(user.status()).isEqualTo(400);
        assertThat(fieldError(user.body(), "password")).contains("password");
        assertThat(user.body()).contains("value=\"" + login + "\"").contains("value=\"Weak Password\"")
                .doesNotContain("value=\"password\"");
        assertThat(admin.get("/api/v1/user/" + login).status()).isEqualTo(404);

        var alert = admin.post("/api/v1/alert", Map.of("type", "external", "source", "feed", "sourceRef", unique("ref"),
                "title", "merge me", "description", "d"));
        String alertId = alert.json().get("_id").asString().replace("~", "");
        var merge = browser.post("/alerts/" + alertId + "/merge", Map.of("caseNumber", "#999999"), token);
        assertThat(merge.status()).isEqualTo(302);
        assertThat(merge.location()).endsWith("/alerts/" + alertId + "?caseQuery=%23999999");
        var back = browser.get("/alerts/" + alertId + "?caseQuery=%23999999");
        assertThat(fieldError(back.body(), "caseNumber")).contains("999999");
        assertThat(back.body()).contains("value=\"#999999\"").contains("merge me");
    }

    @Test
    void aFormTooLargeGetsAPageAndTheApiKeepsItsJson() {
        var browser = new BrowserSession(port);
        browser.login("admin", ADMIN_PASSWORD);
        String token = BrowserSession.token(browser.get("/cases/new").body());
        String huge = "x".repeat(5 * 1024 * 1024);
        var page = browser.post("/cases", Map.of("title", "huge", "description", huge), token);

        assertThat(page.status()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Form too large").contains("(5.0 MB)").contains("(1 MB)")
                .contains("href=\"/cases/new\"").doesNotContain("\"type\"");
        assertThat(browser.get("/cases/new").body()).contains("At most 1 MB in all").contains("data-max-bytes=\"1048576\"");

        var api = admin.post("/api/v1/case", Map.of("title", "huge", "description", huge));
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.json().get("message").asString()).contains("exceeds the limit of 1048576 bytes");
    }

    /** The text of the error shown at a field. */
    private static String fieldError(String html, String field) {
        int at = html.indexOf("data-field=\"" + field + "\"");
        assertThat(at).as("an error at field " + field + " in " + html).isPositive();
        return html.substring(at, html.indexOf("</span>\n</span>", at));
    }

    private static int count(String html, String needle) {
        return html.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
