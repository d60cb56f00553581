package io.sightline.server.directory;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code listOrganisation} and {@code getOrganisation} in the query API, and the organisation route by id; on H2 and PostgreSQL. */
abstract class OrganisationQueryContract extends HubTest {

    private static Map<String, Object> byName(String name) {
        return Map.of("query", List.of(Map.of("_name", "listOrganisation"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "name", "_value", name))));
    }

    @Test
    void aPlatformAdminFindsAnyOrganisationByName() {
        String org = unique("query-org");
        var created = admin.post("/api/v1/organisation", Map.of("name", org, "description", "found by query")).json();
        var found = admin.post("/api/v1/query", byName(org));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.json().get(0)).isEqualTo(created);
        assertThat(found.json().get(0)).isEqualTo(admin.get("/api/v1/organisation/" + created.get("_id").asString()).json());
    }

    @Test
    void anyoneElseSeesOnlyTheirOwnOrganisations() {
        String mine = unique("own-org");
        String other = unique("not-mine");
        admin.post("/api/v1/organisation", Map.of("name", other, "description", "hidden"));
        TestApi member = newUser(mine, "analyst");
        var all = member.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listOrganisation"))));
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().size()).isEqualTo(1);
        assertThat(all.json().get(0).get("name").asString()).isEqualTo(mine);
        assertThat(member.post("/api/v1/query", byName(other)).json().size()).isZero();
        var get = member.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getOrganisation", "idOrName", other))));
        assertThat(get.status()).isEqualTo(404);
        assertThat(member.get("/api/v1/organisation/" + other).status()).isEqualTo(404);
    }

    @Test
    void getOrganisationAcceptsANameOrAnId() {
        String org = unique("get-org");
        String id = admin.post("/api/v1/organisation", Map.of("name", org, "description", "d")).json().get("_id").asString();
        for (String key : List.of(org, id)) {
            var r = admin.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "getOrganisation", "idOrName", key))));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get(0).get("name").asString()).isEqualTo(org);
        }
        assertThat(admin.get("/api/v1/organisation/~999999999").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/organisation/~nope").status()).isEqualTo(404);
    }
}
