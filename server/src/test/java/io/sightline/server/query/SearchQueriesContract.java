package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The searches an analyst and a SOAR run all day, as thehive4py sends them, find the same records
 * whatever indexes serve them (an observable's value through its digest, a word of a case's title
 * or description through trigrams on PostgreSQL): bench scale measures them at a million cases.
 */
abstract class SearchQueriesContract extends HubTest {

    @Test
    void anObservableValueIsFoundInEveryCaseAndAlertOfTheOrganisationOnly() {
        String domain = unique("seen") + ".example.org";
        String first = createCase(admin, unique("first"));
        String second = createCase(admin, unique("second"));
        addObservable(admin, "/api/v1/case/" + first, "domain", domain);
        addObservable(admin, "/api/v1/case/" + second, "domain", domain);
        addObservable(admin, "/api/v1/case/" + second, "domain", "other-" + domain);
        var alert = admin.post("/api/v1/alert", """
                {"type": "siem", "source": "test", "sourceRef": "%s", "title": "t", "description": "d",
                 "observables": [{"dataType": "domain", "data": "%s"}]}""".formatted(unique("ref"), domain));
        assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
        // a file named like the value is a file, not that value
        var file = admin.postFile("/api/v1/case/" + first + "/observable", "{\"dataType\": \"file\"}", domain,
                "content".getBytes(StandardCharsets.UTF_8));
        assertThat(file.status()).as(file.toString()).isEqualTo(201);
        TestApi elsewhere = newUser(unique("other-org"), "analyst");
        addObservable(elsewhere, "/api/v1/case/" + createCase(elsewhere, unique("theirs")), "domain", domain);

        JsonNode found = observables(admin, "{\"_eq\": {\"_field\": \"data\", \"_value\": \"" + domain + "\"}}");
        assertThat(values(found, "data")).containsExactly(domain, domain, domain);
        assertThat(found.findValuesAsString("dataType")).containsOnly("domain");
        assertThat(observables(admin, "{\"_in\": {\"_field\": \"data\", \"_values\": [\"" + domain + "\", \"other-" + domain + "\", \"absent\"]}}")
                .size()).isEqualTo(4);
        assertThat(observables(admin, "{\"_and\": [{\"_eq\": {\"_field\": \"data\", \"_value\": \"" + domain + "\"}},"
                + " {\"_eq\": {\"_field\": \"dataType\", \"_value\": \"ip\"}}]}").size()).isZero();
        assertThat(observables(admin, "{\"_eq\": {\"_field\": \"data\", \"_value\": \"" + domain.toUpperCase() + "\"}}").size()).isZero();
        assertThat(observables(elsewhere, "{\"_eq\": {\"_field\": \"data\", \"_value\": \"" + domain + "\"}}").size()).isEqualTo(1);
    }

    @Test
    void aWordIsFoundInCaseTitlesAndDescriptionsWhateverItsLetterCase() {
        String word = "w" + unique("ord").replace("-", "");
        String inTitle = created("Beaconing " + word.toUpperCase() + " seen", "nothing to add");
        String inDescription = created("Malware on a host", "The dropper wrote " + word + ".dll to disk");
        created("Unrelated", "no such word here");
        String filter = """
                {"_or": [{"_like": {"_field": "title", "_value": "*%s*"}}, {"_like": {"_field": "description", "_value": "*%s*"}}]}"""
                .formatted(word, word);
        var page = admin.post("/api/v1/query?name=cases", """
                {"query": [{"_name": "listCase"}, {"_name": "filter", %s}, {"_name": "sort", "_fields": [{"_createdAt": "desc"}]},
                 {"_name": "page", "from": 0, "to": 15, "extraData": []}]}""".formatted(filter.substring(filter.indexOf('{') + 1, filter.lastIndexOf('}'))));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(values(page.json(), "_id")).containsExactly(inDescription, inTitle);
        var count = admin.post("/api/v1/query?name=cases.count", """
                {"query": [{"_name": "listCase"}, {"_name": "filter", "_like": {"_field": "description", "_value": "*%s.DLL*"}}, {"_name": "count"}]}"""
                .formatted(word));
        assertThat(count.body()).isEqualTo("1");
    }

    private String created(String title, String description) {
        var r = admin.post("/api/v1/case", "{\"title\": \"" + title + "\", \"description\": \"" + description + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    private static void addObservable(TestApi api, String parent, String dataType, String data) {
        var r = api.post(parent + "/observable", "{\"dataType\": \"" + dataType + "\", \"data\": \"" + data + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static JsonNode observables(TestApi api, String filter) {
        var r = api.post("/api/v1/query?name=observables", """
                {"query": [{"_name": "listObservable"}, {"_name": "filter", %s}, {"_name": "page", "from": 0, "to": 50, "extraData": []}]}"""
                .formatted(filter.substring(1, filter.length() - 1)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }
}
