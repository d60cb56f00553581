package io.sightline.server.cases;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restricted cases (TheHive 5's case access), the owner organisation and the case's shares: a
 * restricted case is seen by the users it names and is a 404 to everyone else, in every route and
 * in the query API. Run on H2 and PostgreSQL.
 */
abstract class CaseAccessContract extends HubTest {
    private static final Map<String, Object> ORGANISATION = Map.of("access", Map.of("_kind", "OrganisationAccessKind"));

    private record Member(TestApi api, String login) {}

    private Member member(String org, String profile) {
        TestApi api = newUser(org, profile);
        return new Member(api, api.get("/api/v1/user/current").json().get("login").asString());
    }

    private static Map<String, Object> restrictedTo(String... logins) {
        return Map.of("access", Map.of("_kind", "UserAccessKind", "users", List.of(logins)));
    }

    private static List<String> listedTitles(TestApi api, String title) {
        var found = api.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "title", "_value", title)))));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().valueStream().map(c -> c.get("title").asString()).toList();
    }

    @Test
    void aNewCaseIsSeenByItsWholeOrganisation() {
        var created = admin.post("/api/v1/case", Map.of("title", unique("open"), "description", "d"));
        assertThat(created.json().get("access").toString()).isEqualTo("{\"_kind\":\"OrganisationAccessKind\"}");
    }

    @Test
    void aRestrictedCaseIsSeenOnlyByTheUsersItNames() {
        String org = unique("acc-org");
        Member lead = member(org, "analyst");
        Member named = member(org, "analyst");
        Member other = member(org, "analyst");
        Member orgAdmin = member(org, "org-admin");
        String title = unique("restricted");
        String id = createCase(lead.api(), title);
        String number = lead.api().get("/api/v1/case/" + id).json().get("number").asString();
        String task = lead.api().post("/api/v1/case/" + id + "/task", Map.of("title", title)).json().get("_id").asString();
        String observable = lead.api().post("/api/v1/case/" + id + "/observable", Map.of("dataType", "domain", "data", title + ".example"))
                .json().get(0).get("_id").asString();
        var tasksNamed = Map.of("query", List.of(Map.of("_name", "listTask"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "title", "_value", title))));
        var observablesOfIt = Map.of("query", List.of(Map.of("_name", "listObservable"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "_id", "_value", observable))));

        var set = lead.api().post("/api/v1/case/" + id + "/access", restrictedTo(lead.login(), named.login()));
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
        var access = lead.api().get("/api/v1/case/" + id).json().get("access");
        assertThat(access.get("_kind").asString()).isEqualTo("UserAccessKind");
        assertThat(access.get("users").valueStream().map(u -> u.asString()).toList())
                .containsExactlyInAnyOrder(lead.login(), named.login());

        assertThat(named.api().get("/api/v1/case/" + id).status()).isEqualTo(200);
        assertThat(listedTitles(named.api(), title)).containsExactly(title);
        for (TestApi outsider : List.of(other.api(), orgAdmin.api())) {
            var read = outsider.get("/api/v1/case/" + id);
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.json().get("type").asString()).isEqualTo("NotFoundError");
            assertThat(outsider.get("/api/v1/case/" + number).status()).isEqualTo(404);
            assertThat(listedTitles(outsider, title)).isEmpty();
            var byGet = outsider.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", id))));
            assertThat(byGet.status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/case/" + id + "/observables").status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/task/" + task).status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/observable/" + observable).status()).isEqualTo(404);
            assertThat(outsider.post("/api/v1/query", tasksNamed).json()).isEmpty();
            assertThat(outsider.post("/api/v1/query", observablesOfIt).json()).isEmpty();
            assertThat(outsider.post("/api/v1/case/" + id + "/observable", Map.of("dataType", "ip", "data", "198.51.100.9"))
                    .status()).isEqualTo(404);
            assertThat(outsider.patch("/api/v1/case/" + id, Map.of("title", "taken")).status()).isEqualTo(404);
            assertThat(outsider.post("/api/v1/case/" + id + "/access", ORGANISATION).status()).isEqualTo(404);
        }
        assertThat(lead.api().get("/api/v1/case/" + id + "/observables").json()).hasSize(1);
        assertThat(named.api().post("/api/v1/query", tasksNamed).json()).hasSize(1);
        assertThat(named.api().post("/api/v1/query", observablesOfIt).json()).hasSize(1);
        assertThat(named.api().get("/api/v1/task/" + task).status()).isEqualTo(200);
        assertThat(lead.api().get("/api/v1/case/" + id).json().get("title").asString()).isEqualTo(title);

        assertThat(lead.api().post("/api/v1/case/" + id + "/access", ORGANISATION).status()).isEqualTo(204);
        assertThat(other.api().get("/api/v1/case/" + id).json().get("access").toString())
                .isEqualTo("{\"_kind\":\"OrganisationAccessKind\"}");
        assertThat(listedTitles(other.api(), title)).containsExactly(title);
        var audit = orgAdmin.api().get("/api/v1/audit?entity=case&entityId=" + id).json().toString();
        assertThat(audit).contains("UserAccessKind", named.login());
    }

    @Test
    void aRestrictedCaseIsNotListedWhereElseAValueWasSeen() {
        String org = unique("seen-org");
        Member lead = member(org, "analyst");
        Member other = member(org, "analyst");
        String openCase = createCase(lead.api(), unique("open"));
        String hiddenCase = createCase(lead.api(), unique("hidden"));
        var value = Map.of("dataType", "domain", "data", "seen-twice.example");
        String observable = lead.api().post("/api/v1/case/" + openCase + "/observable", value).json().get(0).get("_id").asString();
        assertThat(lead.api().post("/api/v1/case/" + hiddenCase + "/observable", value).status()).isEqualTo(201);
        assertThat(other.api().get("/api/v1/observable/" + observable + "/similar").json()).hasSize(1);

        lead.api().post("/api/v1/case/" + hiddenCase + "/access", restrictedTo(lead.login()));
        assertThat(other.api().get("/api/v1/observable/" + observable + "/similar").json()).isEmpty();
        assertThat(other.api().get("/api/v1/observable/" + observable + "?details=seen").json().get("seenIn")).isEmpty();
        assertThat(lead.api().get("/api/v1/observable/" + observable + "/similar").json()).hasSize(1);
    }

    @Test
    void theHiveDefaultDomainNamesTheUserWithoutOne() {
        String id = createCase(admin, unique("admin-only"));
        var set = admin.post("/api/v1/case/" + id + "/access", restrictedTo("admin@thehive.local"));
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
        assertThat(admin.get("/api/v1/case/" + id).json().get("access").toString())
                .isEqualTo("{\"_kind\":\"UserAccessKind\",\"users\":[\"admin\"]}");
        admin.post("/api/v1/case/" + id + "/access", ORGANISATION);
    }

    @Test
    void refusesAccessListsThatWouldLockOutOrNameStrangersAndChangesNothing() {
        String org = unique("acc-org");
        Member lead = member(org, "analyst");
        Member colleague = member(org, "analyst");
        Member stranger = member(unique("acc-other"), "analyst");
        Member reader = member(org, "read-only");
        String id = createCase(lead.api(), unique("guarded"));
        String path = "/api/v1/case/" + id + "/access";

        var withoutMe = lead.api().post(path, restrictedTo(colleague.login()));
        assertThat(withoutMe.status()).isEqualTo(400);
        assertThat(withoutMe.json().get("message").asString()).contains("must include you");
        var unknown = lead.api().post(path, restrictedTo(lead.login(), "nobody@" + org));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asString()).isEqualTo("User nobody@" + org + " not found in organisation " + org);
        assertThat(lead.api().post(path, restrictedTo(lead.login(), stranger.login())).status()).isEqualTo(404);
        assertThat(lead.api().post(path, Map.of("access", Map.of("_kind", "UserAccessKind", "users", List.of()))).status())
                .isEqualTo(400);
        assertThat(lead.api().post(path, Map.of("access", Map.of("_kind", "UserAccessKind"))).status()).isEqualTo(400);
        var external = lead.api().post(path, Map.of("access", Map.of("_kind", "ExternalAccessKind")));
        assertThat(external.status()).isEqualTo(400);
        assertThat(external.json().get("message").asString()).contains("not supported");
        assertThat(lead.api().post(path, Map.of("access", Map.of("_kind", "Everyone"))).status()).isEqualTo(400);
        assertThat(lead.api().post(path, Map.of("access", "private")).status()).isEqualTo(400);
        assertThat(lead.api().post(path, Map.of()).status()).isEqualTo(400);
        assertThat(lead.api().post(path, Map.of("access", Map.of("_kind", "OrganisationAccessKind", "colour", "red"))).status())
                .isEqualTo(400);
        assertThat(reader.api().post(path, restrictedTo(reader.login())).status()).isEqualTo(403);

        assertThat(lead.api().patch("/api/v1/case/" + id, Map.of("assignee", colleague.login())).status()).isEqualTo(200);
        var withoutAssignee = lead.api().post(path, restrictedTo(lead.login()));
        assertThat(withoutAssignee.status()).isEqualTo(400);
        assertThat(withoutAssignee.json().get("message").asString()).contains("its assignee, " + colleague.login());

        assertThat(colleague.api().get("/api/v1/case/" + id).json().get("access").get("_kind").asString())
                .isEqualTo("OrganisationAccessKind");
    }

    @Test
    void theOwnerOrganisationStaysTheOnlyOneThatSeesTheCase() {
        String org = unique("own-org");
        Member lead = member(org, "analyst");
        Member reader = member(org, "read-only");
        String otherOrg = unique("own-other");
        member(otherOrg, "analyst");
        String id = createCase(lead.api(), unique("owned"));
        String path = "/api/v1/case/" + id + "/owner";
        String orgId = admin.get("/api/v1/organisation/" + org).json().get("_id").asString();

        assertThat(lead.api().post(path, Map.of("organisation", org)).status()).isEqualTo(204);
        assertThat(lead.api().post(path, Map.of("organisation", orgId, "keepProfile", "analyst")).status()).isEqualTo(204);
        var away = lead.api().post(path, Map.of("organisation", otherOrg));
        assertThat(away.status()).isEqualTo(403);
        assertThat(away.json().get("message").asString()).contains("cannot see case");
        assertThat(member(org, "org-admin").api().post(path, Map.of("organisation", otherOrg)).status()).isEqualTo(403);
        assertThat(lead.api().post(path, Map.of("organisation", "no-such-" + org)).status()).isEqualTo(404);
        assertThat(lead.api().post(path, Map.of()).status()).isEqualTo(400);
        assertThat(lead.api().post(path, Map.of("organisation", org, "colour", "red")).status()).isEqualTo(400);
        assertThat(reader.api().post(path, Map.of("organisation", org)).status()).isEqualTo(403);
        assertThat(member(otherOrg, "org-admin").api().post(path, Map.of("organisation", otherOrg)).status()).isEqualTo(404);
        assertThat(lead.api().get("/api/v1/case/" + id).status()).isEqualTo(200);
    }

    @Test
    void aCaseIsSharedWithNoOtherOrganisation() {
        String id = createCase(admin, unique("unshared"));
        var shares = admin.get("/api/v1/case/" + id + "/shares");
        assertThat(shares.status()).isEqualTo(200);
        assertThat(shares.json().size()).isZero();
    }

    @Test
    void sharingWithAnotherOrganisationIsRefusedPreciselyAndChangesNothing() {
        String org = unique("share-org");
        Member lead = member(org, "analyst");
        Member reader = member(org, "read-only");
        String otherOrg = unique("share-other");
        Member stranger = member(otherOrg, "analyst");
        String id = createCase(lead.api(), unique("not shared"));
        String path = "/api/v1/case/" + id + "/shares";

        var own = lead.api().post(path, Map.of("shares", List.of(Map.of("organisation", org, "profile", "analyst"))));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.json().size()).as("the owner is no share").isZero();
        assertThat(lead.api().put(path, Map.of("shares", List.of())).status()).isEqualTo(200);

        var away = lead.api().post(path, Map.of("shares", List.of(Map.of("organisation", otherOrg, "profile", "read-only",
                "taskRule", "all", "observableRule", "manual"))));
        assertThat(away.status()).as(away.toString()).isEqualTo(403);
        assertThat(away.json().get("message").asString()).contains(otherOrg).contains("shared with no other organisation");
        assertThat(lead.api().put(path, Map.of("shares", List.of(Map.of("organisation", otherOrg)))).status()).isEqualTo(403);
        assertThat(lead.api().post(path, Map.of("shares", List.of(Map.of("organisation", "no-such-" + org)))).status()).isEqualTo(404);
        var profile = lead.api().post(path, Map.of("shares", List.of(Map.of("organisation", otherOrg, "profile", "no-such-profile"))));
        assertThat(profile.status()).isEqualTo(404);
        assertThat(profile.json().get("message").asString()).isEqualTo("Profile no-such-profile not found");
        var rule = lead.api().post(path, Map.of("shares", List.of(Map.of("organisation", org, "taskRule", "sometimes"))));
        assertThat(rule.status()).isEqualTo(400);
        assertThat(rule.json().get("message").asString()).startsWith("Unknown taskRule 'sometimes'");
        assertThat(lead.api().post(path, Map.of("shares", List.of(Map.of("profile", "analyst")))).status()).isEqualTo(400);
        assertThat(lead.api().post(path, Map.of("shares", org)).status()).isEqualTo(400);
        assertThat(lead.api().post(path, Map.of("shares", List.of(Map.of("organisation", org, "colour", "red")))).status()).isEqualTo(400);
        assertThat(reader.api().post(path, Map.of("shares", List.of(Map.of("organisation", org)))).status()).isEqualTo(403);
        assertThat(stranger.api().post(path, Map.of("shares", List.of(Map.of("organisation", otherOrg)))).status()).isEqualTo(404);

        assertThat(unshare(lead.api(), path, org).status()).as("the owner keeps its case").isEqualTo(400);
        var notShared = unshare(lead.api(), path, otherOrg);
        assertThat(notShared.status()).isEqualTo(404);
        assertThat(notShared.json().get("message").asString()).contains("is not shared with organisation " + otherOrg);
        assertThat(unshare(lead.api(), path, "no-such-" + org).status()).isEqualTo(404);
        var removed = lead.api().delete("/api/v1/case/share/~1");
        assertThat(removed.status()).isEqualTo(404);
        assertThat(removed.json().get("type").asString()).isEqualTo("NotFoundError");

        assertThat(stranger.api().get("/api/v1/case/" + id).status()).isEqualTo(404);
        assertThat(listedTitles(stranger.api(), lead.api().get("/api/v1/case/" + id).json().get("title").asString())).isEmpty();
        assertThat(lead.api().get(path).json().size()).isZero();
    }

    private static TestApi.Response unshare(TestApi api, String path, String organisation) {
        return api.send(api.builder(path).header("Content-Type", "application/json").method("DELETE",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"organisations\": [\"" + organisation + "\"]}")));
    }
}
