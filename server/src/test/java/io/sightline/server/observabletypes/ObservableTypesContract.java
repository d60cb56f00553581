package io.sightline.server.observabletypes;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom observable data types over HTTP: routes, shapes, who defines them, and observables of a custom type. */
abstract class ObservableTypesContract extends HubTest {

    @Test
    void listsBuiltInTypesWhichCannotBeDeleted() {
        var list = admin.get("/api/v1/observable/type");
        assertThat(list.status()).isEqualTo(200);
        assertThat(names(list.json())).contains("ip", "domain", "file", "other");
        JsonNode file = admin.get("/api/v1/observable/type/file").json();
        assertThat(file.get("_type").asString()).isEqualTo("ObservableType");
        assertThat(file.get("isAttachment").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/observable/type/ip").json().get("isAttachment").asBoolean()).isFalse();

        var delete = admin.delete("/api/v1/observable/type/ip");
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.json().get("message").asString()).contains("built in");
        assertThat(admin.get("/api/v1/observable/type/ip").status()).isEqualTo(200);
    }

    @Test
    void createsReadsListsAndDeletesACustomType() {
        String name = unique("wallet");
        var created = admin.post("/api/v1/observable/type", Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode t = created.json();
        String id = t.get("_id").asString();
        assertThat(id).startsWith("~");
        assertThat(t.get("_type").asString()).isEqualTo("ObservableType");
        assertThat(t.get("_createdBy").asString()).isEqualTo("admin");
        assertThat(t.get("_createdAt").asLong()).isGreaterThan(1_600_000_000_000L);
        assertThat(t.get("name").asString()).isEqualTo(name);
        assertThat(t.get("isAttachment").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/observable/type/" + id).json()).isEqualTo(t);
        assertThat(admin.get("/api/v1/observable/type/" + name).json()).isEqualTo(t);
        assertThat(names(admin.get("/api/v1/observable/type").json())).contains(name);

        assertThat(admin.delete("/api/v1/observable/type/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/observable/type/" + id).status()).isEqualTo(404);
        assertThat(names(admin.get("/api/v1/observable/type").json())).doesNotContain(name);
        var trail = admin.get("/api/v1/audit?entity=observableType&entityId=" + id).json();
        List<String> actions = new ArrayList<>();
        trail.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactlyInAnyOrder("create", "delete");
    }

    @Test
    void findsCustomTypesThroughTheQueryApi() {
        String name = unique("wallet");
        JsonNode created = admin.post("/api/v1/observable/type", Map.of("name", name)).json();
        var found = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listObservableType"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "name", "_value", name)))));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.json().get(0)).isEqualTo(created);
    }

    @Test
    void anObservableOfACustomTypeIsAcceptedWhileTheTypeExists() {
        String name = unique("wallet");
        String unused = unique("ticket");
        String caseId = createCase(admin, "custom types");
        var before = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", unused, "data", "x"));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.json().get("message").asString()).startsWith("Unknown dataType");

        String id = admin.post("/api/v1/observable/type", Map.of("name", name)).json().get("_id").asString();
        String unusedId = admin.post("/api/v1/observable/type", Map.of("name", unused)).json().get("_id").asString();
        var added = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", name, "data", "bc1qexample"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get(0).get("dataType").asString()).isEqualTo(name);

        var inUse = admin.delete("/api/v1/observable/type/" + id);
        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.json().get("message").asString()).contains("used by observables");

        assertThat(admin.delete("/api/v1/observable/type/" + unusedId).status()).isEqualTo(204);
        var after = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", unused, "data", "x"));
        assertThat(after.status()).isEqualTo(400);
    }

    @Test
    void aCustomAttachmentTypeTakesAFile() {
        String name = unique("sample");
        var created = admin.post("/api/v1/observable/type", Map.of("name", name, "isAttachment", true));
        assertThat(created.json().get("isAttachment").asBoolean()).isTrue();
        String caseId = createCase(admin, "custom file type");

        var noFile = admin.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", name, "data", "x"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("message").asString()).contains("multipart upload");
        var withFile = admin.postFile("/api/v1/case/" + caseId + "/observable", "{\"dataType\":\"" + name + "\"}",
                "memory.dmp", "not really a dump".getBytes(StandardCharsets.UTF_8));
        assertThat(withFile.status()).as(withFile.toString()).isEqualTo(201);
        assertThat(withFile.json().get(0).get("attachment").get("name").asString()).isEqualTo("memory.dmp");
    }

    @Test
    void onlyAPlatformAdminDefinesOrDeletesTypes() {
        TestApi orgAdmin = newUser(unique("org"), "org-admin");
        String name = unique("wallet");
        var refused = orgAdmin.post("/api/v1/observable/type", Map.of("name", name));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/observable/type/" + name).status()).isEqualTo(404);

        String id = admin.post("/api/v1/observable/type", Map.of("name", name)).json().get("_id").asString();
        assertThat(orgAdmin.get("/api/v1/observable/type/" + id).status()).isEqualTo(200);
        assertThat(orgAdmin.delete("/api/v1/observable/type/" + id).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/observable/type/" + id).status()).isEqualTo(200);
    }

    @Test
    void refusesBadInputAndWritesNothing() {
        String name = unique("x");
        var spaces = admin.post("/api/v1/observable/type", Map.of("name", "two words"));
        assertThat(spaces.status()).isEqualTo(400);
        assertThat(spaces.json().get("type").asString()).isEqualTo("AttributeCheckingError");
        assertThat(admin.post("/api/v1/observable/type", Map.of("name", name, "colour", "red")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/observable/type", Map.of("name", name, "isAttachment", "yes")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/observable/type", Map.of("isAttachment", true)).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/observable/type/" + name).status()).isEqualTo(404);

        var builtIn = admin.post("/api/v1/observable/type", Map.of("name", "ip"));
        assertThat(builtIn.status()).isEqualTo(400);
        assertThat(builtIn.json().get("message").asString()).contains("already exists");
        assertThat(admin.post("/api/v1/observable/type", Map.of("name", name)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/observable/type", Map.of("name", name)).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/observable/type/~999999999").status()).isEqualTo(404);
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asString()));
        return out;
    }
}
