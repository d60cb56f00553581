package io.sightline.server.customfields;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Custom field definitions over HTTP, and the value store the case and alert code uses; on H2 and PostgreSQL. */
abstract class CustomFieldsContract extends HubTest {
    @Autowired
    CustomFieldValues values;

    private JsonNode createField(String name, String type, List<?> options) {
        var r = admin.post("/api/v1/customField", Map.of("name", name, "displayName", "Display " + name,
                "group", "default", "description", "...", "type", type, "options", options));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode f : list) if (f.get("_id").asString().equals(id)) return f;
        return null;
    }

    @Test
    void createsListsAndReadsADefinitionInTheHivesShape() {
        String name = unique("business-unit");
        var created = createField(name, "string", List.of("Sales", "HR", "Sales"));
        assertThat(created.get("_id").asString()).startsWith("~");
        assertThat(created.get("_type").asString()).isEqualTo("CustomField");
        assertThat(created.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(created.get("_createdAt").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(created.get("name").asString()).isEqualTo(name);
        assertThat(created.get("displayName").asString()).isEqualTo("Display " + name);
        assertThat(created.get("group").asString()).isEqualTo("default");
        assertThat(created.get("description").asString()).isEqualTo("...");
        assertThat(created.get("type").asString()).isEqualTo("string");
        assertThat(created.get("options").toString()).isEqualTo("[\"Sales\",\"HR\"]");
        assertThat(created.get("mandatory").asBoolean()).isFalse();
        assertThat(created.get("extraData").isObject()).isTrue();

        var list = admin.get("/api/v1/customField");
        assertThat(list.status()).isEqualTo(200);
        assertThat(byId(list.json(), created.get("_id").asString())).isEqualTo(created);
        assertThat(admin.get("/api/v1/customField/" + name).json()).isEqualTo(created);

        var minimal = admin.post("/api/v1/customField", Map.of("name", unique("n"), "group", "g", "description", "", "type", "float"));
        assertThat(minimal.status()).isEqualTo(201);
        assertThat(minimal.json().get("displayName").asString()).isEqualTo(minimal.json().get("name").asString());
        assertThat(minimal.json().get("options").size()).isZero();
    }

    @Test
    void updatesADefinitionAndAuditsEveryChange() {
        var created = createField(unique("score"), "string", List.of());
        String id = created.get("_id").asString();
        var patched = admin.patch("/api/v1/customField/" + id, Map.of("displayName", "something else ...", "type", "float",
                "options", List.of(1.5, 2), "mandatory", true));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
        var after = byId(admin.get("/api/v1/customField").json(), id);
        assertThat(after.get("displayName").asString()).isEqualTo("something else ...");
        assertThat(after.get("type").asString()).isEqualTo("float");
        assertThat(after.get("options").toString()).isEqualTo("[1.5,2.0]");
        assertThat(after.get("mandatory").asBoolean()).isTrue();
        assertThat(after.get("_updatedBy").asString()).isEqualTo("admin");
        assertThat(after.get("name").asString()).isEqualTo(created.get("name").asString());

        assertThat(admin.delete("/api/v1/customField/" + id).status()).isEqualTo(204);
        var audit = admin.get("/api/v1/audit?entity=customField&entityId=" + id).json();
        assertThat(audit.size()).isEqualTo(3);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("delete");
        assertThat(audit.get(1).get("before").get("type").asString()).isEqualTo("string");
        assertThat(audit.get(1).get("after").get("type").asString()).isEqualTo("float");
        assertThat(audit.get(2).get("after")).isEqualTo(created);
    }

    @Test
    void deletesADefinitionOnceAndThenAnswersNotFound() {
        String id = createField(unique("gone"), "boolean", List.of()).get("_id").asString();
        assertThat(admin.delete("/api/v1/customField/" + id + "?force=False").status()).isEqualTo(204);
        var again = admin.delete("/api/v1/customField/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asString()).isEqualTo("NotFoundError");
        assertThat(byId(admin.get("/api/v1/customField").json(), id)).isNull();
        assertThat(admin.patch("/api/v1/customField/~999999999", Map.of("displayName", "x")).status()).isEqualTo(404);
    }

    @Test
    void refusesBadDefinitionsPreciselyAndWritesNothing() {
        String name = unique("dup");
        createField(name, "integer", List.of(1, 2));
        var duplicate = admin.post("/api/v1/customField", Map.of("name", name, "group", "g", "description", "", "type", "string"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("type").asString()).isEqualTo("CreateError");
        assertThat(duplicate.json().get("message").asString()).isEqualTo("Custom field " + name + " already exists");

        var badType = admin.post("/api/v1/customField", Map.of("name", unique("t"), "group", "g", "description", "", "type", "colour"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("message").asString()).startsWith("Unknown custom field type 'colour'");

        String badOptionsName = unique("opts");
        var badOptions = admin.post("/api/v1/customField", Map.of("name", badOptionsName, "group", "g", "description", "",
                "type", "integer", "options", List.of(1, "two")));
        assertThat(badOptions.status()).isEqualTo(400);
        assertThat(badOptions.json().get("message").asString())
                .isEqualTo("Custom field " + badOptionsName + " is of type integer and cannot hold string \"two\" (expected an integer)");
        assertThat(admin.get("/api/v1/customField/" + badOptionsName).status()).isEqualTo(404);

        var missing = admin.post("/api/v1/customField", Map.of("name", unique("m"), "description", "", "type", "string"));
        assertThat(missing.json().get("message").asString()).isEqualTo("Field group of custom field is required");
        var spaces = admin.post("/api/v1/customField", Map.of("name", "two words", "group", "g", "description", "", "type", "string"));
        assertThat(spaces.status()).isEqualTo(400);
        var unknown = admin.post("/api/v1/customField", Map.of("name", unique("u"), "group", "g", "description", "",
                "type", "string", "colour", "red"));
        assertThat(unknown.json().get("message").asString()).contains("Unknown field colour");
        var renamed = admin.patch("/api/v1/customField/" + name, Map.of("name", "other"));
        assertThat(renamed.status()).isEqualTo(400);
    }

    @Test
    void onlyPlatformAdminsChangeDefinitionsEveryoneReadsThem() {
        String id = createField(unique("shared"), "string", List.of()).get("_id").asString();
        String org = unique("cf-org");
        TestApi orgAdmin = newUser(org, "org-admin");
        TestApi analyst = newUser(org, "analyst");
        for (TestApi caller : List.of(orgAdmin, analyst)) {
            var create = caller.post("/api/v1/customField", Map.of("name", unique("x"), "group", "g", "description", "", "type", "string"));
            assertThat(create.status()).isEqualTo(403);
            assertThat(create.json().get("type").asString()).isEqualTo("AuthorizationError");
            assertThat(caller.patch("/api/v1/customField/" + id, Map.of("displayName", "x")).status()).isEqualTo(403);
            assertThat(caller.delete("/api/v1/customField/" + id).status()).isEqualTo(403);
            var list = caller.get("/api/v1/customField");
            assertThat(list.status()).isEqualTo(200);
            assertThat(byId(list.json(), id)).isNotNull();
        }
        var listed = analyst.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCustomField"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "_id", "_value", id)))));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get(0)).isEqualTo(admin.get("/api/v1/customField/" + id).json());
        assertThat(byId(admin.get("/api/v1/customField").json(), id).get("displayName").asString()).isEqualTo(
                admin.get("/api/v1/customField/" + id).json().get("displayName").asString());
    }

    @Test
    void storesTypedValuesOfCasesAndAlertsAndReadsManyAtOnce() {
        String unit = unique("unit");
        String hits = unique("hits");
        String due = unique("due");
        createField(unit, "string", List.of("Sales", "HR"));
        createField(hits, "integer", List.of());
        createField(due, "date", List.of());
        long orgId = adminOrgId();
        long caseA = id(createCase(admin, unique("cf-a")));
        long caseB = id(createCase(admin, unique("cf-b")));
        var alert = admin.post("/api/v1/alert", Map.of("type", "t", "source", "s", "sourceRef", unique("ref"),
                "title", "a", "description", "d"));
        assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
        long alertId = id(alert.json().get("_id").asString());

        var checkedA = values.check(CustomFieldJson.read(TestApi.JSON.readTree(
                "{\"" + unit + "\":\"HR\",\"" + hits + "\":[3,4]}"), "case"));
        values.replace(new ValueOwner(ValueOwner.Kind.CASE, caseA, orgId), checkedA);
        values.replace(new ValueOwner(ValueOwner.Kind.CASE, caseB, orgId), values.check(List.of(
                new CustomFieldInput(due, new RawValue.Number(new java.math.BigDecimal("1700000000000")), 7))));
        values.replace(new ValueOwner(ValueOwner.Kind.ALERT, alertId, orgId), values.check(List.of(
                new CustomFieldInput(unit, new RawValue.Text("Sales"), null))));

        var cases = values.of(ValueOwner.Kind.CASE, List.of(caseA, caseB, 999_999_999L));
        assertThat(cases).containsOnlyKeys(caseA, caseB);
        assertThat(cases.get(caseA)).extracting(StoredValue::name, v -> v.value().json(), StoredValue::order)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(unit, "HR", 0),
                        org.assertj.core.groups.Tuple.tuple(hits, 3L, 1), org.assertj.core.groups.Tuple.tuple(hits, 4L, 2));
        assertThat(cases.get(caseB).get(0).value()).isEqualTo(new CustomFieldValue.Date(1_700_000_000_000L));
        assertThat(cases.get(caseB).get(0).order()).isEqualTo(7);
        assertThat(values.of(ValueOwner.Kind.ALERT, alertId)).extracting(v -> v.value().json()).containsExactly("Sales");

        // replacing leaves only the new values
        values.replace(new ValueOwner(ValueOwner.Kind.CASE, caseA, orgId), values.check(List.of(
                new CustomFieldInput(unit, new RawValue.Null(), null))));
        assertThat(values.of(ValueOwner.Kind.CASE, caseA)).extracting(StoredValue::name).containsExactly(unit);
        assertThat(values.of(ValueOwner.Kind.CASE, caseA).get(0).value()).isNull();

        // a field in use changes type only without values, and goes only with force
        var retype = admin.patch("/api/v1/customField/" + due, Map.of("type", "string"));
        assertThat(retype.status()).isEqualTo(400);
        assertThat(retype.json().get("message").asString()).contains("its type cannot change to string");
        var inUse = admin.delete("/api/v1/customField/" + unit);
        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.json().get("message").asString()).isEqualTo("Custom field " + unit
                + " holds 2 values; delete it with force=true to remove them too");
        assertThat(admin.delete("/api/v1/customField/" + unit + "?force=true").status()).isEqualTo(204);
        assertThat(values.of(ValueOwner.Kind.ALERT, alertId)).isEmpty();

        // deleting a case deletes its values
        assertThat(admin.delete("/api/v1/case/~" + caseB).status()).isEqualTo(204);
        assertThat(values.of(ValueOwner.Kind.CASE, caseB)).isEmpty();
        assertThat(admin.delete("/api/v1/customField/" + due).status()).isEqualTo(204);
    }

    @Test
    void checksValuesAgainstTheirDefinitionsNamingTheField() {
        String unit = unique("unit");
        String hits = unique("hits");
        String flag = unique("flagged");
        createField(unit, "string", List.of("Sales", "HR"));
        createField(hits, "integer", List.of());
        var mandatory = admin.post("/api/v1/customField", Map.of("name", flag, "group", "g", "description", "",
                "type", "boolean", "mandatory", true));
        assertThat(mandatory.status()).isEqualTo(201);

        assertThatThrownBy(() -> values.check(List.of(new CustomFieldInput("no-such-field-x", new RawValue.Text("a"), null))))
                .hasMessageStartingWith("Unknown custom field no-such-field-x;");
        assertThatThrownBy(() -> values.check(List.of(new CustomFieldInput(unit, new RawValue.Text("Legal"), null))))
                .hasMessage("Custom field " + unit + " cannot hold string \"Legal\": not among its options [Sales, HR]");
        assertThatThrownBy(() -> values.check(List.of(new CustomFieldInput(hits, new RawValue.Text("many"), null))))
                .hasMessageContaining("Custom field " + hits + " is of type integer");
        var ok = values.check(List.of(new CustomFieldInput(unit, new RawValue.Text("Sales"), null)));
        assertThatThrownBy(() -> values.requireMandatory(ok, "case"))
                .hasMessageContaining("lacks a value for the mandatory custom field").hasMessageContaining(flag);
        values.requireMandatory(values.check(List.of(new CustomFieldInput(flag, new RawValue.Bool(false), null))), "case");
        assertThat(admin.delete("/api/v1/customField/" + flag).status()).isEqualTo(204);
    }

    private long adminOrgId() {
        return id(admin.get("/api/v1/organisation/admin").json().get("_id").asString());
    }

    private static long id(String external) {
        return Long.parseLong(external.substring(1));
    }
}
