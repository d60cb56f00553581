package io.sightline.server.query;

import io.sightline.server.support.HubTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays, byte for byte, the requests thehive4py 2.0.3 sends (bodies as its query builders
 * serialise them, its User-Agent, Bearer key) and checks the answers have the shapes it reads.
 */
abstract class TheHive4pyCompatibilityContract extends HubTest {

    @Test
    void caseCreateGetAddObservablesFindCountAndList() {
        String title = unique("th4py");
        var created = admin.post("/api/v1/case", """
                {"title": "%s", "description": "created by a SOAR script", "severity": 2, "tlp": 2, "pap": 2, "tags": ["soar"]}"""
                .formatted(title));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("_id").asString();
        assertThat(created.json().get("number").isNumber()).isTrue();

        var got = admin.get("/api/v1/case/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("title").asString()).isEqualTo(title);

        var obs = admin.post("/api/v1/case/" + id + "/observable", """
                {"dataType": "hash", "data": "4a821767c6ce723e6fb4b8d54efd52df6cbd63fc0de47a7b8b39a6ec72b4be69", "ioc": true, "tags": ["Hash"], "tlp": 2, "message": "seed"}""");
        assertThat(obs.status()).isEqualTo(201);
        assertThat(obs.json().isArray()).isTrue();
        assertThat(obs.json().get(0).get("_id").asString()).startsWith("~");

        var file = admin.postFile("/api/v1/case/" + id + "/observable", "{\"dataType\": \"file\", \"ioc\": false}",
                "report.txt", "content".getBytes(StandardCharsets.UTF_8));
        assertThat(file.status()).isEqualTo(201);
        assertThat(file.json().get(0).get("attachment").get("hashes").size()).isEqualTo(3);

        var found = admin.post("/api/v1/query?name=cases", """
                {"query": [{"_name": "listCase"}, {"_name": "filter", "_eq": {"_field": "title", "_value": "%s"}}, {"_name": "page", "from": 0, "to": 10, "extraData": []}]}"""
                .formatted(title));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.json().get(0).get("_id").asString()).isEqualTo(id);

        var count = admin.post("/api/v1/query?name=cases.count", "{\"query\": [{\"_name\": \"listCase\"}, {\"_name\": \"count\"}]}");
        assertThat(count.status()).isEqualTo(200);
        assertThat(Long.parseLong(count.body())).isPositive();

        var observables = admin.post("/api/v1/query?name=case-observables", """
                {"query": [{"_name": "getCase", "idOrName": "%s"}, {"_name": "observables"}]}""".formatted(id));
        assertThat(observables.json().size()).isEqualTo(2);

        var missing = admin.get("/api/v1/case/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("NotFoundError");
        assertThat(missing.json().has("message")).isTrue();
    }

    @Test
    void findsWithCombinedFiltersSortAndPage() {
        String tag = unique("batch");
        for (int i = 1; i <= 5; i++) {
            admin.post("/api/v1/case", """
                    {"title": "%s case %d", "description": "d", "severity": %d, "tags": ["%s"]}""".formatted(tag, i, i % 4 + 1, tag));
        }
        var page = admin.post("/api/v1/query?name=cases", """
                {"query": [{"_name": "listCase"},
                  {"_name": "filter", "_and": [{"_eq": {"_field": "tags", "_value": "%s"}},
                                               {"_or": [{"_gte": {"_field": "severity", "_value": 2}}, {"_like": {"_field": "title", "_value": "*case 4"}}]},
                                               {"_not": {"_eq": {"_field": "title", "_value": "%s case 3"}}}]},
                  {"_name": "sort", "_fields": [{"title": "desc"}]},
                  {"_name": "page", "from": 0, "to": 2, "extraData": ["total"]}]}""".formatted(tag, tag));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("X-Total")).isEqualTo("4");
        JsonNode list = page.json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("title").asString()).isEqualTo(tag + " case 5");
        assertThat(list.get(1).get("title").asString()).isEqualTo(tag + " case 4");

        var in = admin.post("/api/v1/query", """
                {"query": [{"_name": "listCase"}, {"_name": "filter", "_in": {"_field": "title", "_values": ["%s case 1", "%s case 2"]}}, {"_name": "count"}]}"""
                .formatted(tag, tag));
        assertThat(in.body()).isEqualTo("2");

        var between = admin.post("/api/v1/query", """
                {"query": [{"_name": "listCase"}, {"_name": "filter", "_and": [{"_eq": {"_field": "tags", "_value": "%s"}}, {"_between": {"_field": "severity", "_from": 2, "_to": 4}}]}, {"_name": "count"}]}"""
                .formatted(tag));
        assertThat(between.body()).isEqualTo("3");

        var ne = admin.post("/api/v1/query", """
                {"query": [{"_name": "listCase"}, {"_name": "filter", "_and": [{"_eq": {"_field": "tags", "_value": "%s"}}, {"_ne": {"_field": "severity", "_value": 2}}, {"_lt": {"_field": "severity", "_value": 4}}]}, {"_name": "count"}]}"""
                .formatted(tag));
        assertThat(ne.body()).isEqualTo("2");

        var badField = admin.post("/api/v1/query", "{\"query\": [{\"_name\": \"listCase\"}, {\"_name\": \"filter\", \"_eq\": {\"_field\": \"colour\", \"_value\": 1}}]}");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.json().get("type").asString()).isEqualTo("SearchError");
        assertThat(badField.json().get("message").asString()).startsWith("Unknown field 'colour' for Case");
    }

    @Test
    void createsAlertsWithObservablesAndReportsTheDuplicate() {
        String ref = unique("evt");
        String alert = """
                {"type": "misp", "source": "MISP Server", "sourceRef": "%s", "title": "Phishing wave", "description": "from a feed",
                 "observables": [{"dataType": "url", "data": "https://phish.example/login"}, {"dataType": "mail", "data": "ceo@phish.example", "ioc": true}]}"""
                .formatted(ref);
        var created = admin.post("/api/v1/alert", alert);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("_id").asString()).startsWith("~");
        assertThat(created.json().get("observableCount").asInt()).isEqualTo(2);
        var duplicate = admin.post("/api/v1/alert", alert);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("type").asString() + " - " + duplicate.json().get("message").asString())
                .isEqualTo("CreateError - Alert misp:MISP Server:" + ref + " already exist in organisation admin");

        var alerts = admin.post("/api/v1/query?name=alerts", """
                {"query": [{"_name": "listAlert"}, {"_name": "filter", "_eq": {"_field": "sourceRef", "_value": "%s"}}, {"_name": "page", "from": 0, "to": 10, "extraData": []}], "excludeFields": []}"""
                .formatted(ref));
        assertThat(alerts.json().size()).isEqualTo(1);
        var alertObservables = admin.post("/api/v1/query", """
                {"query": [{"_name": "getAlert", "idOrName": "%s"}, {"_name": "observables"}, {"_name": "filter", "_eq": {"_field": "ioc", "_value": true}}]}"""
                .formatted(created.json().get("_id").asString()));
        assertThat(alertObservables.json().size()).isEqualTo(1);
        assertThat(alertObservables.json().get(0).get("dataType").asString()).isEqualTo("mail");
    }

    @Test
    void excludeFieldsLeavesThoseFieldsOutOfEveryListedRecord() {
        String title = unique("excluded");
        admin.post("/api/v1/case", "{\"title\": \"%s\", \"description\": \"long text\", \"summary\": \"s\"}".formatted(title));
        var listed = admin.post("/api/v1/query", """
                {"query": [{"_name": "listCase"}, {"_name": "filter", "_eq": {"_field": "title", "_value": "%s"}},
                  {"_name": "page", "from": 0, "to": 10, "extraData": ["total", "notProvided"]}], "excludeFields": ["description", "summary"]}"""
                .formatted(title));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.header("X-Total")).isEqualTo("1");
        JsonNode found = listed.json().get(0);
        assertThat(found.get("title").asString()).isEqualTo(title);
        assertThat(found.has("description")).isFalse();
        assertThat(found.has("summary")).isFalse();
        assertThat(found.get("extraData").isObject()).isTrue();

        var wrong = admin.post("/api/v1/query", "{\"query\": [{\"_name\": \"listCase\"}], \"excludeFields\": \"description\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("message").asString()).isEqualTo("excludeFields must be an array of field names, not a string");
    }
}
