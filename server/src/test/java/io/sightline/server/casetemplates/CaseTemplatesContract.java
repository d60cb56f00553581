package io.sightline.server.casetemplates;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Case templates over HTTP: every route, TheHive's shape, validation, organisation scoping, permissions; on H2 and PostgreSQL. */
abstract class CaseTemplatesContract extends HubTest {

    private JsonNode create(TestApi api, Map<String, Object> body) {
        var r = api.post("/api/v1/caseTemplate", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private String customField(String type, List<?> options) {
        String name = unique("cf");
        var r = admin.post("/api/v1/customField", Map.of("name", name, "group", "default", "description", "",
                "type", type, "options", options));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode item : list) out.add(item.get(field).asString());
        return out;
    }

    @Test
    void createsAFullTemplateAndReadsItBackByIdAndByName() {
        String unit = customField("string", List.of("Sales", "HR"));
        String hits = customField("integer", List.of());
        String name = unique("phishing");
        var created = create(admin, Map.ofEntries(Map.entry("name", name), Map.entry("displayName", "Phishing"),
                Map.entry("titlePrefix", "[PHISH]"), Map.entry("description", "Template description"),
                Map.entry("severity", 3), Map.entry("tlp", 2), Map.entry("pap", "RED"), Map.entry("flag", true),
                Map.entry("tags", List.of("phishing", "mail")), Map.entry("summary", "s"),
                Map.entry("tasks", List.of(Map.of("title", "Triage", "group", "first", "description", "look", "mandatory", true),
                        Map.of("title", "Contain", "order", 5, "status", "inprogress", "flag", true, "dueDate", 1_800_000_000_000L))),
                Map.entry("customFields", List.of(Map.of("name", unit, "value", "HR"), Map.of("name", hits, "value", 3, "order", 9))),
                Map.entry("pageTemplateIds", List.of("~1", "incident-page"))));
        assertThat(created.get("_id").asString()).startsWith("~");
        assertThat(created.get("_type").asString()).isEqualTo("CaseTemplate");
        assertThat(created.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(created.get("name").asString()).isEqualTo(name);
        assertThat(created.get("displayName").asString()).isEqualTo("Phishing");
        assertThat(created.get("titlePrefix").asString()).isEqualTo("[PHISH]");
        assertThat(created.get("severity").asInt()).isEqualTo(3);
        assertThat(created.get("severityLabel").asString()).isEqualTo("HIGH");
        assertThat(created.get("tlp").asInt()).isEqualTo(2);
        assertThat(created.get("tlpLabel").asString()).isEqualTo("AMBER");
        assertThat(created.get("pap").asInt()).isEqualTo(3);
        assertThat(created.get("papLabel").asString()).isEqualTo("RED");
        assertThat(created.get("flag").asBoolean()).isTrue();
        assertThat(created.get("tags").toString()).isEqualTo("[\"mail\",\"phishing\"]");
        assertThat(created.get("summary").asString()).isEqualTo("s");
        assertThat(created.get("pageTemplateIds").toString()).isEqualTo("[\"~1\",\"incident-page\"]");
        assertThat(created.get("extraData").isObject()).isTrue();

        var tasks = created.get("tasks");
        assertThat(tasks.size()).isEqualTo(2);
        assertThat(tasks.get(0).get("_id").asString()).startsWith("~");
        assertThat(tasks.get(0).get("_type").asString()).isEqualTo("Task");
        assertThat(tasks.get(0).get("title").asString()).isEqualTo("Triage");
        assertThat(tasks.get(0).get("group").asString()).isEqualTo("first");
        assertThat(tasks.get(0).get("description").asString()).isEqualTo("look");
        assertThat(tasks.get(0).get("status").asString()).isEqualTo("Waiting");
        assertThat(tasks.get(0).get("order").asInt()).isEqualTo(0);
        assertThat(tasks.get(0).get("mandatory").asBoolean()).isTrue();
        assertThat(tasks.get(0).get("flag").asBoolean()).isFalse();
        assertThat(tasks.get(1).get("group").asString()).isEqualTo("default");
        assertThat(tasks.get(1).get("status").asString()).isEqualTo("InProgress");
        assertThat(tasks.get(1).get("order").asInt()).isEqualTo(5);
        assertThat(tasks.get(1).get("dueDate").asLong()).isEqualTo(1_800_000_000_000L);

        var fields = created.get("customFields");
        assertThat(fields.size()).isEqualTo(2);
        assertThat(fields.get(0).get("name").asString()).isEqualTo(unit);
        assertThat(fields.get(0).get("type").asString()).isEqualTo("string");
        assertThat(fields.get(0).get("value").asString()).isEqualTo("HR");
        assertThat(fields.get(0).get("order").asInt()).isEqualTo(0);
        assertThat(fields.get(1).get("value").asLong()).isEqualTo(3);
        assertThat(fields.get(1).get("order").asInt()).isEqualTo(9);
        assertThat(fields.get(0).get("_id").asString()).startsWith("~");

        String id = created.get("_id").asString();
        assertThat(admin.get("/api/v1/caseTemplate/" + id).json()).isEqualTo(created);
        assertThat(admin.get("/api/v1/caseTemplate/" + name).json()).isEqualTo(created);
        var audit = admin.get("/api/v1/audit?entity=caseTemplate&entityId=" + id).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("create");
        assertThat(audit.get(0).get("after")).isEqualTo(created);
    }

    @Test
    void aMinimalTemplateShowsOnlyWhatItSets() {
        var created = create(admin, Map.of("name", unique("my first template"), "description", "Template description"));
        assertThat(created.get("displayName").asString()).isEqualTo(created.get("name").asString());
        assertThat(created.get("flag").asBoolean()).isFalse();
        assertThat(created.get("tags").size()).isZero();
        assertThat(created.get("tasks").size()).isZero();
        assertThat(created.get("customFields").size()).isZero();
        assertThat(created.has("severity")).isFalse();
        assertThat(created.has("tlp")).isFalse();
        assertThat(created.has("titlePrefix")).isFalse();
        assertThat(created.has("_updatedAt")).isFalse();
        assertThat(admin.get("/api/v1/caseTemplate/" + created.get("_id").asString()).json()).isEqualTo(created);
    }

    @Test
    void patchesATemplateReplacingItsListsAndAuditsIt() {
        String unit = customField("string", List.of());
        var created = create(admin, Map.of("name", unique("to-update"), "description", "...", "tags", List.of("template-tag"),
                "tasks", List.of(Map.of("title", "old")), "customFields", Map.of(unit, "a")));
        String id = created.get("_id").asString();
        String newName = unique("updated template name");
        var patched = admin.patch("/api/v1/caseTemplate/" + id, Map.of("name", newName, "description", "updated template description",
                "severity", 1, "tags", List.of("x", "y"), "tasks", List.of(Map.of("title", "new 1"), Map.of("title", "new 2")),
                "customFields", Map.of(unit, List.of("b", "c")), "titlePrefix", "[T]"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        var after = admin.get("/api/v1/caseTemplate/" + id).json();
        assertThat(after.get("name").asString()).isEqualTo(newName);
        assertThat(after.get("description").asString()).isEqualTo("updated template description");
        assertThat(after.get("severityLabel").asString()).isEqualTo("LOW");
        assertThat(after.get("tags").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(texts(after.get("tasks"), "title")).containsExactly("new 1", "new 2");
        assertThat(texts(after.get("customFields"), "value")).containsExactly("b", "c");
        assertThat(after.get("_updatedBy").asString()).isEqualTo("admin");
        assertThat(admin.get("/api/v1/caseTemplate/" + newName.replace(" ", "%20")).json()).isEqualTo(after);

        // fields not given stay; an empty string clears an optional text
        assertThat(admin.patch("/api/v1/caseTemplate/" + id, Map.of("titlePrefix", "", "flag", true)).status()).isEqualTo(204);
        var again = admin.get("/api/v1/caseTemplate/" + id).json();
        assertThat(again.has("titlePrefix")).isFalse();
        assertThat(again.get("flag").asBoolean()).isTrue();
        assertThat(again.get("tasks").size()).isEqualTo(2);
        assertThat(again.get("customFields").size()).isEqualTo(2);

        var audit = admin.get("/api/v1/audit?entity=caseTemplate&entityId=" + id).json();
        assertThat(audit.size()).isEqualTo(3);
        assertThat(audit.get(1).get("action").asString()).isEqualTo("update");
        assertThat(audit.get(1).get("before").get("description").asString()).isEqualTo("...");
        assertThat(audit.get(1).get("after").get("name").asString()).isEqualTo(newName);
    }

    @Test
    void linksPageTemplatesAndDeletes() {
        var created = create(admin, Map.of("name", unique("pages"), "description", "..."));
        String id = created.get("_id").asString();
        var linked = admin.put("/api/v1/caseTemplate/" + id + "/pageTemplate/link", Map.of("pageTemplateIds", List.of("~7", "~8")));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(204);
        assertThat(admin.get("/api/v1/caseTemplate/" + id).json().get("pageTemplateIds").toString()).isEqualTo("[\"~7\",\"~8\"]");

        assertThat(admin.delete("/api/v1/caseTemplate/" + id).status()).isEqualTo(204);
        var gone = admin.get("/api/v1/caseTemplate/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("type").asString()).isEqualTo("NotFoundError");
        assertThat(admin.delete("/api/v1/caseTemplate/" + id).status()).isEqualTo(404);
        assertThat(admin.patch("/api/v1/caseTemplate/" + id, Map.of("flag", true)).status()).isEqualTo(404);
        var audit = admin.get("/api/v1/audit?entity=caseTemplate&entityId=" + id).json();
        assertThat(audit.get(0).get("action").asString()).isEqualTo("delete");
        assertThat(audit.get(0).get("before").get("name").asString()).isEqualTo(created.get("name").asString());
    }

    @Test
    void refusesBadTemplatesPreciselyAndWritesNothing() {
        String name = unique("dup");
        create(admin, Map.of("name", name));
        var duplicate = admin.post("/api/v1/caseTemplate", Map.of("name", name));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("type").asString()).isEqualTo("CreateError");
        assertThat(duplicate.json().get("message").asString()).startsWith("CaseTemplate " + name + " already exists");

        String unknownField = unique("never");
        String refused = unique("refused");
        var unknown = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "tasks", List.of(Map.of("title", "t")),
                "customFields", List.of(Map.of("name", unknownField, "value", "x"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString()).startsWith("Unknown custom field " + unknownField);
        assertThat(admin.get("/api/v1/caseTemplate/" + refused).status()).isEqualTo(404);

        String hits = customField("integer", List.of());
        var wrongType = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "customFields", Map.of(hits, "many")));
        assertThat(wrongType.json().get("message").asString()).startsWith("Custom field " + hits + " is of type integer");
        String unit = customField("string", List.of("Sales"));
        var notAnOption = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "customFields", Map.of(unit, "HR")));
        assertThat(notAnOption.json().get("message").asString()).contains("not among its options [Sales]");
        assertThat(admin.get("/api/v1/caseTemplate/" + refused).status()).isEqualTo(404);

        var badTask = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "tasks", List.of(Map.of("group", "g"))));
        assertThat(badTask.json().get("message").asString()).isEqualTo("Field title of task of the case template is required");
        var badStatus = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "tasks", List.of(Map.of("title", "t", "status", "Done"))));
        assertThat(badStatus.json().get("message").asString()).startsWith("Unknown status 'Done' of task t");
        var badAssignee = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "tasks",
                List.of(Map.of("title", "t", "assignee", "nobody@nowhere"))));
        assertThat(badAssignee.json().get("message").asString()).contains("is not a user of organisation");
        var badSeverity = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "severity", 7));
        assertThat(badSeverity.json().get("message").asString()).contains("severity of case template must be 1 (low) to 4");
        var illTyped = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "flag", "yes"));
        assertThat(illTyped.json().get("message").asString()).isEqualTo("Field flag of case template must be true or false (got string \"yes\")");
        var unknownField2 = admin.post("/api/v1/caseTemplate", Map.of("name", refused, "colour", "red"));
        assertThat(unknownField2.json().get("message").asString()).contains("Unknown field colour");
        assertThat(admin.post("/api/v1/caseTemplate", Map.of("description", "no name")).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/caseTemplate/" + refused).status()).isEqualTo(404);

        // a refused PATCH changes nothing: renaming onto another template, or an unknown field with good changes
        String other = create(admin, Map.of("name", unique("other"))).get("_id").asString();
        var clash = admin.patch("/api/v1/caseTemplate/" + other, Map.of("name", name));
        assertThat(clash.status()).isEqualTo(400);
        var halfBad = admin.patch("/api/v1/caseTemplate/" + other, Map.of("description", "changed",
                "customFields", List.of(Map.of("name", unknownField, "value", 1))));
        assertThat(halfBad.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/caseTemplate/" + other).json().has("description")).isFalse();
    }

    @Test
    void templatesBelongToTheirOrganisationAndNeedManageCaseTemplate() {
        String org = unique("ct-org");
        TestApi orgAdmin = newUser(org, "org-admin");
        TestApi analyst = newUser(org, "analyst");
        var theirs = create(orgAdmin, Map.of("name", "shared name", "description", "theirs"));
        var ours = create(admin, Map.of("name", unique("ours")));
        // the same name in two organisations is two templates
        var sameNameHere = admin.post("/api/v1/caseTemplate", Map.of("name", "shared name"));
        assertThat(sameNameHere.status()).isEqualTo(201);

        String theirId = theirs.get("_id").asString();
        assertThat(admin.get("/api/v1/caseTemplate/" + theirId).status()).isEqualTo(404);
        assertThat(admin.patch("/api/v1/caseTemplate/" + theirId, Map.of("flag", true)).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/caseTemplate/" + theirId).status()).isEqualTo(404);
        assertThat(orgAdmin.get("/api/v1/caseTemplate/" + ours.get("_id").asString()).status()).isEqualTo(404);
        assertThat(orgAdmin.get("/api/v1/caseTemplate/shared name".replace(" ", "%20")).json().get("description").asString())
                .isEqualTo("theirs");

        assertThat(analyst.get("/api/v1/caseTemplate/" + theirId).status()).isEqualTo(200);
        var refused = analyst.post("/api/v1/caseTemplate", Map.of("name", unique("analyst")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("AuthorizationError");
        assertThat(refused.json().get("message").asString()).contains("manage_case_template");
        assertThat(analyst.patch("/api/v1/caseTemplate/" + theirId, Map.of("flag", true)).status()).isEqualTo(403);
        assertThat(analyst.put("/api/v1/caseTemplate/" + theirId + "/pageTemplate/link", Map.of("pageTemplateIds", List.of())).status())
                .isEqualTo(403);
        assertThat(analyst.delete("/api/v1/caseTemplate/" + theirId).status()).isEqualTo(403);
        assertThat(orgAdmin.delete("/api/v1/caseTemplate/" + theirId).status()).isEqualTo(204);
    }

    @Test
    void findsTemplatesThroughTheQueryApiInTheCallersOrganisationOnly() {
        String org = unique("q-org");
        TestApi orgAdmin = newUser(org, "org-admin");
        String tag = unique("template-tag");
        var first = create(orgAdmin, Map.of("name", "my first case template", "tags", List.of(tag), "tasks", List.of(Map.of("title", "t"))));
        var second = create(orgAdmin, Map.of("name", "my second case template", "severity", 4));
        create(admin, Map.of("name", unique("elsewhere")));

        var all = orgAdmin.post("/api/v1/query?name=caseTemplate", Map.of("query", List.of(Map.of("_name", "listCaseTemplate"))));
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(texts(all.json(), "_id")).containsExactlyInAnyOrder(first.get("_id").asString(), second.get("_id").asString());
        assertThat(all.json().get(0).has("tasks")).isTrue();
        for (JsonNode t : all.json()) {
            assertThat(t).isEqualTo(orgAdmin.get("/api/v1/caseTemplate/" + t.get("_id").asString()).json());
        }

        var filtered = orgAdmin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCaseTemplate"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "severity", "_value", 4)),
                Map.of("_name", "sort", "_fields", List.of(Map.of("name", "asc"))), Map.of("_name", "count"))));
        assertThat(filtered.body()).isEqualTo("1");
        var byTag = orgAdmin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCaseTemplate"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "tags", "_value", tag)))));
        assertThat(texts(byTag.json(), "name")).containsExactly("my first case template");

        var byName = orgAdmin.post("/api/v1/query", Map.of("query", List.of(
                Map.of("_name", "getCaseTemplate", "idOrName", "my second case template"))));
        assertThat(byName.status()).as(byName.toString()).isEqualTo(200);
        assertThat(byName.json().toString()).contains(second.get("_id").asString());
        var foreign = admin.post("/api/v1/query", Map.of("query", List.of(
                Map.of("_name", "getCaseTemplate", "idOrName", first.get("_id").asString()))));
        assertThat(foreign.status()).isEqualTo(404);
    }
}
