package io.sightline.server.caseassembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TheHive 5's case creation with tasks, pages, a template and custom field values, and a template applied to cases. */
abstract class CaseAssemblyContract extends HubTest {

    private String customField(String type, boolean mandatory) {
        String name = unique("cf").replaceAll("[^A-Za-z0-9]", "");
        var r = admin.post("/api/v1/customField", Map.of("name", name, "group", "default", "description", "", "type", type,
                "mandatory", mandatory));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    private JsonNode query(String caseId, String link) {
        return admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCase", "idOrName", caseId),
                Map.of("_name", link)))).json();
    }

    private long countCases(String title) {
        var r = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_like", Map.of("_field", "title", "_value", title)), Map.of("_name", "count"))));
        return Long.parseLong(r.body());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.get(field).asString());
        return out;
    }

    @Test
    void createsACaseWithItsTasksPagesAndCustomFieldValues() {
        String unit = customField("string", false);
        String hits = customField("integer", false);
        var created = admin.post("/api/v1/case", Map.of("title", unique("assembled"), "description", "d",
                "tasks", List.of(Map.of("title", "Triage"), Map.of("title", "Contain", "group", "response", "status", "InProgress")),
                "pages", List.of(Map.of("title", "Notes", "category", "Analysis", "content", "# first")),
                "customFields", List.of(Map.of("name", unit, "value", "Sales"), Map.of("name", hits, "value", 3))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("_id").asString();
        var fields = created.json().get("customFields");
        assertThat(texts(fields, "name")).containsExactly(unit, hits);
        assertThat(fields.get(0).get("value").asString()).isEqualTo("Sales");
        assertThat(fields.get(1).get("value").asInt()).isEqualTo(3);
        assertThat(fields.get(1).get("type").asString()).isEqualTo("integer");
        assertThat(admin.get("/api/v1/case/" + id).json()).isEqualTo(created.json());

        var tasks = admin.get("/api/v1/case/" + id + "/task").json();
        assertThat(texts(tasks, "title")).containsExactlyInAnyOrder("Triage", "Contain");
        var pages = query(id, "pages");
        assertThat(texts(pages, "title")).containsExactly("Notes");
        assertThat(pages.get(0).get("content").asString()).isEqualTo("# first");

        var audit = admin.get("/api/v1/audit?entity=case&entityId=" + id).json();
        assertThat(audit.get(0).get("after").get("customFields").size()).isEqualTo(2);
    }

    @Test
    void appliesATemplateAtCreationUnderTheCaseOwnFields() {
        String unit = customField("string", false);
        String template = unique("tpl");
        var t = admin.post("/api/v1/caseTemplate", Map.of("name", template, "titlePrefix", "[PHISH]", "severity", 3,
                "tlp", 3, "description", "from template", "tags", List.of("phishing"), "flag", true,
                "tasks", List.of(Map.of("title", "Check headers"), Map.of("title", "Block sender")),
                "customFields", List.of(Map.of("name", unit, "value", "HR"))));
        assertThat(t.status()).as(t.toString()).isEqualTo(201);

        String title = unique("mail");
        var created = admin.post("/api/v1/case", Map.of("title", title, "caseTemplate", template, "tags", List.of("own"),
                "tasks", List.of(Map.of("title", "Ask user"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var c = created.json();
        assertThat(c.get("title").asString()).isEqualTo("[PHISH] " + title);
        assertThat(c.get("description").asString()).isEqualTo("from template");
        assertThat(c.get("severity").asInt()).isEqualTo(3);
        assertThat(c.get("tlp").asInt()).isEqualTo(3);
        assertThat(c.get("flag").asBoolean()).isTrue();
        assertThat(c.get("tags").toString()).contains("phishing", "own");
        assertThat(c.get("customFields").get(0).get("value").asString()).isEqualTo("HR");
        var tasks = admin.get("/api/v1/case/" + c.get("_id").asString() + "/task").json();
        assertThat(texts(tasks, "title")).containsExactlyInAnyOrder("Check headers", "Block sender", "Ask user");

        // the case's own values win over the template's
        var own = admin.post("/api/v1/case", Map.of("title", unique("own"), "description", "mine", "severity", 1,
                "caseTemplate", template, "customFields", Map.of(unit, "Sales"))).json();
        assertThat(own.get("description").asString()).isEqualTo("mine");
        assertThat(own.get("severity").asInt()).isEqualTo(1);
        assertThat(own.get("customFields").size()).isEqualTo(1);
        assertThat(own.get("customFields").get(0).get("value").asString()).isEqualTo("Sales");
    }

    @Test
    void aBadPartWritesNoCase() {
        String title = unique("half");
        var badStatus = admin.post("/api/v1/case", Map.of("title", title, "description", "d",
                "tasks", List.of(Map.of("title", "fine"), Map.of("title", "bad", "status", "Bogus"))));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("message").asString()).contains("Unknown task status 'Bogus'");

        // refused by the task service, after the case was written in the same transaction
        var badAssignee = admin.post("/api/v1/case", Map.of("title", title, "description", "d",
                "tasks", List.of(Map.of("title", "fine"), Map.of("title", "bad", "assignee", "nobody-such"))));
        assertThat(badAssignee.status()).isEqualTo(400);
        assertThat(badAssignee.json().get("message").asString()).contains("Assignee nobody-such is not a user");

        var badPage = admin.post("/api/v1/case", Map.of("title", title, "description", "d",
                "pages", List.of(Map.of("title", "p", "category", "c"))));
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("message").asString()).contains("content");

        var unknownTemplate = admin.post("/api/v1/case", Map.of("title", title, "description", "d", "caseTemplate", "no such template"));
        assertThat(unknownTemplate.status()).isEqualTo(404);
        assertThat(unknownTemplate.json().get("type").asString()).isEqualTo("NotFoundError");

        var unknownField = admin.post("/api/v1/case", Map.of("title", title, "description", "d",
                "customFields", Map.of("noSuchField" + title.hashCode(), "x")));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("message").asString()).startsWith("Unknown custom field");

        assertThat(countCases(title)).isZero();
    }

    @Test
    void enforcesMandatoryCustomFieldsOnCreationAndUpdate() {
        String required = customField("boolean", true);
        try {
            String title = unique("mandatory");
            var refused = admin.post("/api/v1/case", Map.of("title", title, "description", "d"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("message").asString())
                    .isEqualTo("The case lacks a value for the mandatory custom field " + required);
            assertThat(countCases(title)).isZero();

            var created = admin.post("/api/v1/case", Map.of("title", title, "description", "d",
                    "customFields", List.of(Map.of("name", required, "value", true))));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("_id").asString();

            var cleared = admin.patch("/api/v1/case/" + id, Map.of("customFields", Map.of(required, Map.of())));
            assertThat(cleared.status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/case/" + id).json().get("customFields").get(0).get("value").asBoolean()).isTrue();
        } finally {
            admin.delete("/api/v1/customField/" + required + "?force=true");
        }
    }

    @Test
    void updatesCustomFieldValuesByNameAndListsThemForAWholePage() {
        String unit = customField("string", false);
        String hits = customField("integer", false);
        String tag = unique("cf-page");
        String first = admin.post("/api/v1/case", Map.of("title", "a", "description", "d", "tags", List.of(tag),
                "customFields", Map.of(unit, "Sales", hits, 1))).json().get("_id").asString();
        admin.post("/api/v1/case", Map.of("title", "b", "description", "d", "tags", List.of(tag),
                "customFields", Map.of(hits, 7)));

        var patched = admin.patch("/api/v1/case/" + first, Map.of("customFields", List.of(Map.of("name", hits, "value", 2))));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        var values = admin.get("/api/v1/case/" + first).json().get("customFields");
        assertThat(texts(values, "name")).containsExactlyInAnyOrder(unit, hits);
        for (JsonNode v : values) if (v.get("name").asString().equals(hits)) assertThat(v.get("value").asInt()).isEqualTo(2);

        var wrongType = admin.patch("/api/v1/case/" + first, Map.of("customFields", Map.of(hits, "many")));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("message").asString()).startsWith("Custom field " + hits + " is of type integer");

        var page = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "tags", "_value", tag)),
                Map.of("_name", "sort", "_fields", List.of(Map.of("title", "asc")))))).json();
        assertThat(page.size()).isEqualTo(2);
        assertThat(page.get(0).get("customFields").size()).isEqualTo(2);
        assertThat(page.get(1).get("customFields").get(0).get("value").asInt()).isEqualTo(7);
    }

    @Test
    void appliesATemplateToExistingCasesAllOrNothing() {
        String unit = customField("string", false);
        String template = unique("apply");
        var t = admin.post("/api/v1/caseTemplate", Map.of("name", template, "titlePrefix", "[IR]", "severity", 4,
                "tags", List.of("template-tag"), "tasks", List.of(Map.of("title", "Scope"), Map.of("title", "Eradicate")),
                "customFields", List.of(Map.of("name", unit, "value", "Ops")))).json();
        String scopeTask = t.get("tasks").get(0).get("_id").asString();
        String one = createCase(admin, unique("target"));
        String two = createCase(admin, unique("target"));

        var refused = admin.post("/api/v1/case/_bulk/caseTemplate", Map.of("ids", List.of(one, "~999999999"),
                "caseTemplate", template, "updateTags", true));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/case/" + one).json().get("tags").toString()).doesNotContain("template-tag");

        var applied = admin.post("/api/v1/case/_bulk/caseTemplate", Map.of("ids", List.of(one, two),
                "caseTemplate", template, "updateTags", true, "updateSeverity", true, "updateTitlePrefix", true,
                "updateCustomFields", true, "importTasks", List.of(scopeTask)));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(204);
        for (String id : List.of(one, two)) {
            var c = admin.get("/api/v1/case/" + id).json();
            assertThat(c.get("tags").toString()).contains("template-tag");
            assertThat(c.get("severity").asInt()).isEqualTo(4);
            assertThat(c.get("title").asString()).startsWith("[IR] ");
            assertThat(c.get("customFields").get(0).get("value").asString()).isEqualTo("Ops");
            assertThat(texts(admin.get("/api/v1/case/" + id + "/task").json(), "title")).containsExactly("Scope");
            var audit = admin.get("/api/v1/audit?entity=case&entityId=" + id).json();
            assertThat(audit.get(0).get("action").asString()).isEqualTo("update");
        }

        var unknown = admin.post("/api/v1/case/_bulk/caseTemplate", Map.of("ids", List.of(one), "caseTemplate", template,
                "importTasks", List.of("No such task")));
        assertThat(unknown.status()).isEqualTo(404);
        var badField = admin.post("/api/v1/case/_bulk/caseTemplate", Map.of("ids", List.of(one), "caseTemplate", template,
                "updateColour", true));
        assertThat(badField.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/case/" + one + "/task").json().size()).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsCaseOrTemplateIsNotFound() {
        String template = unique("mine");
        admin.post("/api/v1/caseTemplate", Map.of("name", template));
        var other = newUser(unique("other-org"), "org-admin");
        var r = other.post("/api/v1/case", Map.of("title", "x", "description", "d", "caseTemplate", template));
        assertThat(r.status()).isEqualTo(404);
        String mine = createCase(admin, unique("scoped"));
        assertThat(other.post("/api/v1/caseTemplate", Map.of("name", template)).status()).isEqualTo(201);
        var apply = other.post("/api/v1/case/_bulk/caseTemplate", Map.of("ids", List.of(mine), "caseTemplate", template));
        assertThat(apply.status()).isEqualTo(404);
    }

    @Test
    void aTemplatesLinkedPageTemplatesBecomeTheNewCasesPages() {
        String pageTemplate = admin.post("/api/v1/pageTemplate", Map.of("title", "Playbook", "category", "IR",
                "content", "1. isolate")).json().get("_id").asString();
        String template = unique("paged");
        String templateId = admin.post("/api/v1/caseTemplate", Map.of("name", template)).json().get("_id").asString();
        assertThat(admin.put("/api/v1/caseTemplate/" + templateId + "/pageTemplate/link",
                Map.of("pageTemplateIds", List.of(pageTemplate))).status()).isLessThan(300);

        var linked = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getCaseTemplate", "idOrName", templateId),
                Map.of("_name", "pageTemplates")))).json();
        assertThat(texts(linked, "_id")).containsExactly(pageTemplate);

        String caseId = admin.post("/api/v1/case", Map.of("title", unique("paged case"), "description", "d",
                "caseTemplate", template)).json().get("_id").asString();
        var pages = query(caseId, "pages");
        assertThat(texts(pages, "title")).containsExactly("Playbook");
        assertThat(pages.get(0).get("content").asString()).isEqualTo("1. isolate");
    }
}
