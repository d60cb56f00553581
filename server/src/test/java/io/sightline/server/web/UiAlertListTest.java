package io.sightline.server.web;

import io.sightline.server.support.H2Database;
import io.sightline.server.support.HubTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert list's routes over HTTP as a browser without scripts uses them: the to-triage default,
 * sorting and page size done by the server, bulk actions answered alert by alert, the case search
 * of a merge, and the organisation and permission rules on all of them.
 */
@ContextConfiguration(initializers = H2Database.class)
@Import(UiTestBeans.class)
class UiAlertListTest extends HubTest {
    private static final Pattern TITLE = Pattern.compile("class=\"alert-title\">([^<]*)<");

    @Test
    void showsAlertsToTriageNewestFirstByTheirOwnDateAndSortsOnRequest() {
        String tag = unique("triage");
        alert(tag, "Older new", 1_000_000L, "New");
        alert(tag, "Newest updated", 3_000_000L, "Updated");
        alert(tag, "Ignored one", 2_000_000L, "Ignored");
        alert(tag, "Imported one", 4_000_000L, "Imported");
        var browser = loggedIn("admin", ADMIN_PASSWORD);

        String list = browser.get("/alerts?tag=" + tag).body();
        assertThat(titles(list)).containsExactly("Newest updated", "Older new");
        assertThat(list).contains("<option value=\"\" selected=\"selected\">To triage (New, Updated)</option>")
                .contains("class=\"sortable\" aria-sort=\"descending\"")
                .contains("<a href=\"/alerts?dir=asc&amp;size=20&amp;sort=date&amp;tag=" + tag + "\"");
        assertThat(titles(browser.get("/alerts?tag=" + tag + "&status=all").body()))
                .containsExactly("Imported one", "Newest updated", "Ignored one", "Older new");
        assertThat(titles(browser.get("/alerts?tag=" + tag + "&status=Ignored").body())).containsExactly("Ignored one");
        assertThat(titles(browser.get("/alerts?tag=" + tag + "&status=all&sort=title&dir=asc").body()))
                .containsExactly("Ignored one", "Imported one", "Newest updated", "Older new");
        assertThat(titles(browser.get("/alerts?tag=" + tag + "&status=all&sort=date&dir=asc").body()))
                .containsExactly("Older new", "Ignored one", "Newest updated", "Imported one");

        // a stale or forged link falls back to the defaults and says why, at the field concerned
        var odd = browser.get("/alerts?tag=" + tag + "&sort=observableCount&size=7&status=Closed");
        assertThat(odd.status()).isEqualTo(200);
        assertThat(titles(odd.body())).containsExactly("Newest updated", "Older new");
        assertThat(odd.body()).contains("<span class=\"field-error-message\">Alerts cannot be sorted by &#39;observableCount&#39;; sorted by date<")
                .contains("<span class=\"field-error-message\">Page size must be one of 20, 50, 100, not 7<")
                .contains("<span class=\"field-error-message\">Unknown status &#39;Closed&#39;; showing the alerts to triage<");
    }

    @Test
    void thePageSizeIsChosenAndKeptByThePagerAndTheSortLinks() {
        String tag = unique("size");
        for (int i = 0; i < 23; i++) alert(tag, "Bulk alert " + (100 + i), 1_000_000L + i, "New");
        var browser = loggedIn("admin", ADMIN_PASSWORD);
        String first = browser.get("/alerts?tag=" + tag).body();
        assertThat(titles(first)).hasSize(20).startsWith("Bulk alert 122");
        assertThat(first).contains("Page 1 of 2").contains("href=\"/alerts?dir=desc&amp;size=20&amp;sort=date&amp;tag=" + tag + "&amp;page=2\"");
        String fifty = browser.get("/alerts?tag=" + tag + "&size=50").body();
        assertThat(titles(fifty)).hasSize(23);
        assertThat(fifty).doesNotContain("Page 1 of").contains("<option value=\"50\" selected=\"selected\">50</option>")
                .contains("href=\"/alerts?dir=asc&amp;size=50&amp;sort=title&amp;tag=" + tag + "\"");
    }

    @Test
    void longTagListsAreFoldedAndOnlyWebSourceLinksAreClickable() {
        String tag = unique("many");
        List<String> tags = new ArrayList<>(List.of(tag));
        for (int i = 0; i < 15; i++) tags.add("t" + i);
        var body = new HashMap<String, Object>(Map.of("type", "feed", "source", "Feed", "sourceRef", unique("web"), "title", "Linked",
                "description", "d", "tags", tags, "externalLink", "https://misp.example/events/view/1?a=1&b=<2>"));
        assertThat(admin.post("/api/v1/alert", body).status()).isEqualTo(201);
        body.putAll(Map.of("sourceRef", unique("js"), "title", "Scripted", "externalLink", "javascript:alert(document.cookie)", "tags", List.of(tag)));
        assertThat(admin.post("/api/v1/alert", body).status()).isEqualTo(201);
        var browser = loggedIn("admin", ADMIN_PASSWORD);

        String list = browser.get("/alerts?tag=" + tag).body();
        assertThat(list).contains("<summary>+12 more</summary>")
                .contains("class=\"source-link\" href=\"https://misp.example/events/view/1?a=1&amp;b=&lt;2&gt;\" target=\"_blank\" rel=\"noopener noreferrer\"")
                .doesNotContain("href=\"javascript:");
        assertThat(titles(list)).containsExactlyInAnyOrder("Linked", "Scripted");
    }

    @Test
    void bulkActionsAnswerAlertByAlertAndARefusalLeavesTheOthersDone() {
        String tag = unique("bulk");
        String first = alert(tag, "First", 1_000L, "New");
        String second = alert(tag, "Second", 2_000L, "New");
        String imported = alert(tag, "Already imported", 3_000L, "New");
        String target = createCase(admin, unique("Merge target"));
        long number = admin.get("/api/v1/case/" + target).json().get("number").asLong();
        assertThat(admin.post("/api/v1/alert/" + imported + "/merge/" + target, Map.of()).status()).isEqualTo(200);
        var browser = loggedIn("admin", ADMIN_PASSWORD);
        String token = BrowserSession.token(browser.get("/alerts?tag=" + tag).body());

        var promoted = postIds(browser, "/alerts/bulk", Map.of("action", "promote"), List.of(first, imported), token);
        assertThat(promoted.status()).isEqualTo(302);
        String after = browser.get(promoted.location().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(after).contains("1 of 2 alerts: promote done; see the refusals below")
                .contains("Refused: Alert " + imported + " is already imported into case");
        long newCase = admin.get("/api/v1/alert/" + first).json().get("status").asString().equals("Imported") ? 1 : 0;
        assertThat(newCase).as("the first alert was promoted although the other was refused").isEqualTo(1);
        assertThat(after).containsPattern("Promoted to case #\\d+");

        var merged = postIds(browser, "/alerts/bulk", Map.of("action", "merge", "caseNumber", "#" + number), List.of(second), token);
        assertThat(merged.status()).isEqualTo(302);
        assertThat(browser.get(path(merged)).body()).contains("1 of 1 alerts: merge done").contains("Merged into case #" + number);
        assertThat(admin.get("/api/v1/alert/" + second).json().get("caseId").asString()).isEqualTo(target);

        String noise = alert(tag, "Noise", 4_000L, "New");
        var ignored = postIds(browser, "/alerts/bulk", Map.of("action", "ignore"), List.of(noise, imported), token);
        assertThat(browser.get(path(ignored)).body()).contains("1 of 2 alerts: ignore done");
        assertThat(admin.get("/api/v1/alert/" + noise).json().get("status").asString()).isEqualTo("Ignored");
        assertThat(admin.get("/api/v1/alert/" + imported).json().get("status").asString()).isEqualTo("Imported");
        assertThat(ignored.status()).isEqualTo(302);
    }

    @Test
    void aDeletionIsConfirmedFirstAndBadInputIsRefusedAtItsFieldWithNothingWritten() {
        String tag = unique("delete");
        String doomed = alert(tag, "Doomed <b>alert</b>", 1_000L, "New");
        var browser = loggedIn("admin", ADMIN_PASSWORD);
        String token = BrowserSession.token(browser.get("/alerts?tag=" + tag).body());

        var confirm = postIds(browser, "/alerts/bulk", Map.of("action", "delete"), List.of(doomed), token);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete 1 alert?").contains("Doomed &lt;b&gt;alert&lt;/b&gt;")
                .contains("name=\"confirmed\" value=\"true\"").contains("name=\"ids\" value=\"" + doomed + "\"");
        assertThat(admin.get("/api/v1/alert/" + doomed).status()).as("nothing deleted before the confirmation").isEqualTo(200);

        browser.get("/alerts?tag=" + tag);
        var none = browser.post("/alerts/bulk", Map.of("action", "ignore"), token);
        assertThat(none.status()).isEqualTo(302);
        assertThat(browser.get(path(none)).body()).contains("<span class=\"field-error-message\">Select at least one alert<");
        browser.get("/alerts?tag=" + tag);
        var noCase = postIds(browser, "/alerts/bulk", Map.of("action", "merge", "caseQuery", unique("no such case")), List.of(doomed), token);
        assertThat(browser.get(path(noCase)).body()).contains("<span class=\"field-error-message\">No case matches");
        var unknown = postIds(browser, "/alerts/bulk", Map.of("action", "explode"), List.of(doomed), token);
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/alert/" + doomed).json().get("status").asString()).isEqualTo("New");

        var deleted = postIds(browser, "/alerts/bulk", Map.of("action", "delete", "confirmed", "true"), List.of(doomed), token);
        assertThat(deleted.location()).endsWith("/alerts");
        assertThat(browser.get("/alerts").body()).contains("1 of 1 alerts: delete done");
        assertThat(admin.get("/api/v1/alert/" + doomed).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganisationsAlertsAndCasesAreOutOfReachAndAReadOnlyProfileChangesNothing() {
        String tag = unique("mine");
        String mine = alert(tag, "Admin org alert", 1_000L, "New");
        String caseTitle = unique("Admin org case");
        long number = admin.get("/api/v1/case/" + createCase(admin, caseTitle)).json().get("number").asLong();
        String org = unique("org");
        assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "other")).status()).isEqualTo(201);
        String analyst = user(org, "analyst");
        var outsider = loggedIn(analyst, "analyst-password");
        String token = BrowserSession.token(outsider.get("/alerts").body());

        assertThat(outsider.get("/alerts/merge-targets?caseQuery=" + java.net.URLEncoder.encode(caseTitle, java.nio.charset.StandardCharsets.UTF_8)).body()).doesNotContain(caseTitle).contains("No case matches.");
        assertThat(outsider.get("/alerts/merge-targets?caseQuery=%23" + number).body()).doesNotContain(caseTitle);
        outsider.get("/alerts"); // the form is sent from the list, which the answer goes back to
        var foreign = postIds(outsider, "/alerts/bulk", Map.of("action", "ignore"), List.of(mine), token);
        assertThat(outsider.get(path(foreign)).body()).contains("Refused: Alert " + mine + " not found");
        var intoForeignCase = postIds(outsider, "/alerts/bulk", Map.of("action", "merge", "caseNumber", String.valueOf(number)),
                List.of(mine), token);
        assertThat(outsider.get(path(intoForeignCase)).body()).contains("not found");
        assertThat(admin.get("/api/v1/alert/" + mine).json().get("status").asString()).isEqualTo("New");

        String reader = user(null, "read-only");
        var readOnly = loggedIn(reader, "analyst-password");
        String list = readOnly.get("/alerts?tag=" + tag).body();
        assertThat(list).contains("Admin org alert").doesNotContain("id=\"alert-bulk\"").doesNotContain("name=\"ids\"");
        var refused = postIds(readOnly, "/alerts/bulk", Map.of("action", "ignore"), List.of(mine), BrowserSession.token(list));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/alert/" + mine).json().get("status").asString()).isEqualTo("New");
    }

    @Test
    void theCaseSearchMatchesNumbersAndTitlesAndAMergeWithoutScriptsUsesTheOneMatch() {
        String word = unique("Ransom");
        String caseId = createCase(admin, word + " <i>wave</i>");
        long number = admin.get("/api/v1/case/" + caseId).json().get("number").asLong();
        var browser = loggedIn("admin", ADMIN_PASSWORD);
        String byTitle = browser.get("/alerts/merge-targets?caseQuery=" + word.toLowerCase()).body();
        assertThat(byTitle).contains("name=\"caseNumber\" value=\"" + number + "\"").contains(word + " &lt;i&gt;wave&lt;/i&gt;");
        assertThat(browser.get("/alerts/merge-targets?caseQuery=%23" + number).body()).contains("value=\"" + number + "\"");

        String alert = alert(unique("one"), "Merge by search", 1_000L, "New");
        String page = browser.get("/alerts/" + alert.substring(1)).body();
        var merged = browser.post("/alerts/" + alert.substring(1) + "/merge", Map.of("caseQuery", word), BrowserSession.token(page));
        assertThat(merged.location()).endsWith("/cases/" + number);
        assertThat(admin.get("/api/v1/alert/" + alert).json().get("caseId").asString()).isEqualTo(caseId);

        String other = alert(unique("two"), "Ambiguous", 1_000L, "New");
        createCase(admin, word + " second");
        var ambiguous = browser.post("/alerts/" + other.substring(1) + "/merge", Map.of("caseQuery", word), BrowserSession.token(page));
        assertThat(ambiguous.location()).contains("/alerts/" + other.substring(1) + "?caseQuery=" + word);
        String shown = browser.get(path(ambiguous)).body();
        assertThat(shown).contains("2 cases match &#39;" + word + "&#39;; pick one").contains("value=\"" + number + "\"");
        assertThat(admin.get("/api/v1/alert/" + other).json().get("status").asString()).isEqualTo("New");
    }

    private String alert(String tag, String title, long date, String status) {
        var r = admin.post("/api/v1/alert", Map.of("type", "feed", "source", "Feed", "sourceRef", unique("ref"), "title", title,
                "description", "d", "tags", List.of(tag), "date", date, "status", status));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private String user(String org, String profile) {
        String login = unique("user");
        var body = new HashMap<String, Object>(Map.of("login", login, "name", login, "profile", profile, "password", "analyst-password"));
        if (org != null) body.put("organisation", org);
        var r = admin.post("/api/v1/user", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return login;
    }

    private BrowserSession loggedIn(String login, String password) {
        var browser = new BrowserSession(port);
        assertThat(browser.login(login, password).location()).endsWith("/");
        return browser;
    }

    /** Posts the form with one "ids" value per alert, as the list's checkboxes send them. */
    private static BrowserSession.Page postIds(BrowserSession browser, String path, Map<String, String> fields, List<String> ids, String token) {
        StringBuilder query = new StringBuilder(path).append('?');
        for (String id : ids) query.append("ids=").append(java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        return browser.post(query.toString(), fields, token);
    }

    private static String path(BrowserSession.Page redirect) {
        return redirect.location().replaceFirst("^https?://[^/]+", "");
    }

    private static List<String> titles(String html) {
        Matcher m = TITLE.matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
