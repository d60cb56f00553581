package io.sightline.server.auth.profiles;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom profiles over HTTP: routes, shapes, what a custom profile grants and who may define or give one. */
abstract class ProfilesContract extends HubTest {
    private static final List<String> CASE_RIGHTS = List.of("manageCase/create", "manageCase/update", "manageCase/delete");

    @Test
    void listsTheBuiltInsAsFixedProfiles() {
        var list = admin.get("/api/v1/profile");
        assertThat(list.status()).isEqualTo(200);
        JsonNode adminProfile = byName(list.json(), "admin");
        JsonNode analyst = byName(list.json(), "analyst");
        assertThat(byName(list.json(), "org-admin").get("forAdmin").asBoolean()).isFalse();
        assertThat(byName(list.json(), "read-only").get("permissions").size()).isZero();
        assertThat(adminProfile.get("_type").asString()).isEqualTo("Profile");
        assertThat(adminProfile.get("forAdmin").asBoolean()).isTrue();
        assertThat(adminProfile.get("editable").asBoolean()).isFalse();
        assertThat(analyst.get("forOrg").asBoolean()).isTrue();
        assertThat(analyst.get("permissions").toString()).contains("manageCase/create").doesNotContain("manageUser");
        assertThat(admin.get("/api/v1/profile/analyst").json().get("_id").asString()).isEqualTo(analyst.get("_id").asString());
    }

    @Test
    void createsReadsUpdatesAndDeletesACustomProfile() {
        String name = unique("triage");
        var created = admin.post("/api/v1/profile", Map.of("name", name, "permissions", List.of("manageObservable")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode p = created.json();
        String id = p.get("_id").asString();
        assertThat(id).startsWith("~");
        assertThat(p.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(p.get("permissions").toString()).isEqualTo("[\"manageObservable\"]");
        assertThat(p.get("editable").asBoolean()).isTrue();
        assertThat(p.get("forOrg").asBoolean()).isTrue();
        assertThat(p.get("forAdmin").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/profile/" + id).json()).isEqualTo(p);
        assertThat(admin.get("/api/v1/profile/" + name).json()).isEqualTo(p);

        var updated = admin.patch("/api/v1/profile/" + id, Map.of("name", name + "-2", "permissions", List.of("manageAlert/create", "manageCase/create")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
        JsonNode after = admin.get("/api/v1/profile/" + id).json();
        assertThat(after.get("name").asString()).isEqualTo(name + "-2");
        assertThat(after.get("permissions").toString()).isEqualTo("[\"manageAlert/create\",\"manageCase/create\"]");
        assertThat(after.get("_updatedBy").asString()).isEqualTo("admin");

        assertThat(admin.delete("/api/v1/profile/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/profile/" + id).status()).isEqualTo(404);
        var trail = admin.get("/api/v1/audit?entity=profile&entityId=" + id).json();
        List<String> actions = new java.util.ArrayList<>();
        trail.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactlyInAnyOrder("create", "update", "delete");
    }

    @Test
    void findsAndCountsProfilesThroughTheQueryApi() {
        String name = customProfile(List.of("manageShare"));
        var found = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listProfile"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "name", "_value", name)))));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.json().get(0)).isEqualTo(admin.get("/api/v1/profile/" + name).json());
        var count = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listProfile"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "name", "_value", name)), Map.of("_name", "count"))));
        assertThat(count.json().asLong()).isEqualTo(1);
        var builtIns = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listProfile"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "_createdBy", "_value", "system")), Map.of("_name", "count"))));
        assertThat(builtIns.json().asLong()).isEqualTo(4);
    }

    @Test
    void builtInsCannotBeChangedOrDeleted() {
        var patch = admin.patch("/api/v1/profile/analyst", Map.of("permissions", List.of()));
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.json().get("message").asString()).contains("built in");
        String adminId = admin.get("/api/v1/profile/admin").json().get("_id").asString();
        assertThat(admin.delete("/api/v1/profile/" + adminId).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/profile/analyst").json().get("permissions").toString()).contains("manageCase/create");
    }

    @Test
    void refusesBadInputAndWritesNothing() {
        String name = unique("bad");
        var unknown = admin.post("/api/v1/profile", Map.of("name", name, "permissions", List.of("manageEverything")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("type").asString()).isEqualTo("AttributeCheckingError");
        assertThat(unknown.json().get("message").asString()).contains("manageEverything");
        assertThat(admin.post("/api/v1/profile", Map.of("name", name, "colour", "red")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/profile", Map.of("name", name, "permissions", "manageCase/create")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/profile", Map.of("name", " ")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/profile", Map.of("permissions", List.of())).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/profile/" + name).status()).isEqualTo(404);

        var sameAsBuiltIn = admin.post("/api/v1/profile", Map.of("name", "Analyst"));
        assertThat(sameAsBuiltIn.status()).isEqualTo(400);
        assertThat(sameAsBuiltIn.json().get("message").asString()).contains("already exists");
        assertThat(admin.get("/api/v1/profile/nope-" + name).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/profile/~999999999").status()).isEqualTo(404);
    }

    @Test
    void aCustomProfileGrantsExactlyWhatItLists() {
        String org = unique("org");
        String cases = customProfile(CASE_RIGHTS);
        String createOnly = customProfile(List.of("manageCase/create"));
        String nothing = customProfile(List.of());

        TestApi caseWorker = member(org, cases).api();
        assertThat(caseWorker.post("/api/v1/case", Map.of("title", "t", "description", "d")).status()).isEqualTo(201);
        assertThat(caseWorker.post("/api/v1/alert", Map.of("type", "t", "source", "s", "sourceRef", unique("r"),
                "title", "t", "description", "d")).status()).isEqualTo(403);

        TestApi creator = member(org, createOnly).api();
        var refused = creator.post("/api/v1/case", Map.of("title", "t", "description", "d"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(creator.get("/api/v1/user/current").status()).isEqualTo(200);

        TestApi reader = member(org, nothing).api();
        assertThat(reader.get("/api/v1/organisation/" + org).status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/case", Map.of("title", "t", "description", "d")).status()).isEqualTo(403);
    }

    @Test
    void onlyProfileManagersDefineProfilesAndNeverWiderThanTheirOwn() {
        String org = unique("org");
        TestApi orgAdmin = member(org, "org-admin").api();
        assertThat(orgAdmin.post("/api/v1/profile", Map.of("name", unique("p"))).status()).isEqualTo(403);

        // A profile manager who is not a platform admin: may define profiles within their own rights only.
        String definerProfile = customProfile(List.of("manageProfile", "manageObservable", "manageCase/create"));
        assertThat(admin.get("/api/v1/profile/" + definerProfile).json().get("forAdmin").asBoolean()).isTrue();
        TestApi definer = member(org, definerProfile).api();
        assertThat(definer.post("/api/v1/profile", Map.of("name", unique("ok"), "permissions", List.of("manageObservable"))).status())
                .isEqualTo(201);
        var wider = definer.post("/api/v1/profile", Map.of("name", unique("wider"), "permissions", List.of("manageAlert/create")));
        assertThat(wider.status()).isEqualTo(403);
        assertThat(wider.json().get("message").asString()).contains("more than your profile");
        var platform = definer.post("/api/v1/profile", Map.of("name", unique("plat"), "permissions", List.of("manageProfile")));
        assertThat(platform.status()).isEqualTo(403);
        assertThat(platform.json().get("message").asString()).contains("only a platform admin");
        // Nor may they change or delete a platform profile, their own included.
        assertThat(definer.patch("/api/v1/profile/" + definerProfile, Map.of("permissions", List.of())).status()).isEqualTo(403);
        assertThat(definer.delete("/api/v1/profile/" + definerProfile).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/profile/" + definerProfile).json().get("permissions").size()).isEqualTo(3);
    }

    @Test
    void noOneGivesAProfileWiderThanTheirOwn() {
        String org = unique("org");
        String platformProfile = customProfile(List.of("manageProfile"));
        String userManager = customProfile(List.of("manageUser"));
        TestApi orgAdmin = member(org, "org-admin").api();

        var platform = orgAdmin.post("/api/v1/user", Map.of("login", unique("u"), "name", "u", "profile", platformProfile));
        assertThat(platform.status()).isEqualTo(403);
        Member analyst = member(org, "analyst");
        assertThat(orgAdmin.patch("/api/v1/user/" + analyst.login(), Map.of("profile", platformProfile)).status()).isEqualTo(403);
        assertThat(orgAdmin.patch("/api/v1/user/" + analyst.login(), Map.of("profile", userManager)).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/user/" + analyst.login()).json().get("profile").asString()).isEqualTo(userManager);

        // Someone who manages users with a narrow custom profile cannot hand out a wider one.
        TestApi manager = member(org, userManager).api();
        String login = unique("n");
        var wider = manager.post("/api/v1/user", Map.of("login", login, "name", "n", "profile", "analyst"));
        assertThat(wider.status()).isEqualTo(403);
        assertThat(wider.json().get("message").asString()).contains("allows more than your profile");
        assertThat(admin.get("/api/v1/user/" + login).status()).isEqualTo(404);
        assertThat(manager.post("/api/v1/user", Map.of("login", login, "name", "n", "profile", "read-only")).status()).isEqualTo(201);
    }

    @Test
    void aNarrowUserManagerDoesNotTakeOverOrDemoteAWiderMember() {
        String org = unique("org");
        String userManager = customProfile(List.of("manageUser"));
        TestApi manager = member(org, userManager).api();
        Member analyst = member(org, "analyst");
        Member reader = member(org, "read-only");

        assertThat(manager.post("/api/v1/user/" + analyst.login() + "/keys", Map.of("comment", "takeover")).status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/user/" + analyst.login() + "/password/set", Map.of("password", "Correct-Horse-9")).status())
                .isEqualTo(403);
        var demote = manager.patch("/api/v1/user/" + analyst.login(), Map.of("profile", "read-only"));
        assertThat(demote.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/user/" + analyst.login()).json().get("profile").asString()).isEqualTo("analyst");
        assertThat(admin.get("/api/v1/user/" + analyst.login() + "/keys").json().size()).isEqualTo(1);

        assertThat(manager.post("/api/v1/user/" + reader.login() + "/keys", Map.of("comment", "fine")).status()).isEqualTo(201);
    }

    @Test
    void aPlatformProfileMakesItsHolderAPlatformAdminsToManage() {
        String org = unique("org");
        String platformProfile = customProfile(List.of("manageObservableTemplate"));
        Member holder = member(org, platformProfile);
        TestApi orgAdmin = member(org, "org-admin").api();

        assertThat(orgAdmin.post("/api/v1/user/" + holder.login() + "/keys", Map.of("comment", "takeover")).status()).isEqualTo(403);
        assertThat(orgAdmin.post("/api/v1/user/" + holder.login() + "/password/set", Map.of("password", "Correct-Horse-9")).status())
                .isEqualTo(403);
        assertThat(orgAdmin.patch("/api/v1/user/" + holder.login(), Map.of("profile", "read-only")).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/user/" + holder.login()).json().get("profile").asString()).isEqualTo(platformProfile);
    }

    @Test
    void aProfileInUseIsNotDeletedAndARenameKeepsItsMembers() {
        String org = unique("org");
        String name = customProfile(CASE_RIGHTS);
        Member member = member(org, name);
        String id = admin.get("/api/v1/profile/" + name).json().get("_id").asString();

        var inUse = admin.delete("/api/v1/profile/" + id);
        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.json().get("message").asString()).contains("is given to 1 member");
        assertThat(admin.get("/api/v1/profile/" + id).status()).isEqualTo(200);

        assertThat(admin.patch("/api/v1/profile/" + id, Map.of("name", name + "-renamed")).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/user/" + member.login()).json().get("profile").asString()).isEqualTo(name + "-renamed");
        assertThat(member.api().post("/api/v1/case", Map.of("title", "t", "description", "d")).status()).isEqualTo(201);

        // Narrowing the profile narrows its members at once.
        assertThat(admin.patch("/api/v1/profile/" + id, Map.of("permissions", List.of())).status()).isEqualTo(204);
        assertThat(member.api().post("/api/v1/case", Map.of("title", "t", "description", "d")).status()).isEqualTo(403);

        assertThat(admin.patch("/api/v1/user/" + member.login(), Map.of("profile", "read-only", "organisation", org)).status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/profile/" + id).status()).isEqualTo(204);
    }

    record Member(String login, TestApi api) {}

    private String customProfile(List<String> permissions) {
        String name = unique("profile");
        var r = admin.post("/api/v1/profile", Map.of("name", name, "permissions", permissions));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    private Member member(String org, String profile) {
        if (admin.get("/api/v1/organisation/" + org).status() == 404) {
            assertThat(admin.post("/api/v1/organisation", Map.of("name", org, "description", "test")).status()).isEqualTo(201);
        }
        String login = unique("user") + "@" + org;
        var created = admin.post("/api/v1/user", Map.of("login", login, "name", login, "profile", profile, "organisation", org));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var key = admin.post("/api/v1/user/" + login + "/keys", Map.of("comment", "test"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return new Member(login, TestApi.withKey(port, key.json().get("key").asString()));
    }

    private static JsonNode byName(JsonNode list, String name) {
        for (JsonNode n : list) if (n.get("name").asString().equals(name)) return n;
        throw new AssertionError("no profile " + name + " in " + list);
    }
}
