package io.sightline.server.query;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list the query language can produce answers a JSON array with all its rows, also when it
 * is longer than one streamed chunk. The steps come from the {@link QueryRegistry}, so a step
 * registered there is covered here without editing this test.
 */
abstract class QueryStreamingContract extends HubTest {
    private static final int MORE_THAN_A_CHUNK = QueryService.CHUNK + 201;

    @Autowired
    JdbcTemplate jdbc;

    private TestApi analyst;
    @Autowired
    QueryRegistry registry;

    /** For each entity name, the id of a seeded record with more than a chunk of related rows. */
    private final Map<String, Long> parents = new java.util.HashMap<>();

    @BeforeEach
    void seed() {
        String org = unique("stream");
        analyst = newUser(org, "analyst");
        long orgId = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, org);
        long now = System.currentTimeMillis();
        List<Object[]> cases = new ArrayList<>();
        for (int i = 1; i <= MORE_THAN_A_CHUNK; i++) {
            cases.add(new Object[] {orgId, i, "case " + i, "d", 2, 2, 2, "New", now, "seed", now + i});
        }
        jdbc.batchUpdate("INSERT INTO case_record (org_id, number, title, description, severity, tlp, pap, status, start_date,"
                + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cases);
        long caseId = jdbc.queryForObject("SELECT MAX(id) FROM case_record WHERE org_id = ?", Long.class, orgId);
        List<Object[]> alerts = new ArrayList<>();
        for (int i = 1; i <= MORE_THAN_A_CHUNK; i++) {
            alerts.add(new Object[] {orgId, "t", "s", "ref-" + i, "alert " + i, "d", 2, now, 2, 2, "Imported", caseId, "seed", now + i});
        }
        jdbc.batchUpdate("INSERT INTO alert (org_id, type, source, source_ref, title, description, severity, alert_date, tlp, pap,"
                + " status, case_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", alerts);
        long alertId = jdbc.queryForObject("SELECT MAX(id) FROM alert WHERE org_id = ?", Long.class, orgId);
        List<Object[]> observables = new ArrayList<>();
        for (int i = 1; i <= MORE_THAN_A_CHUNK; i++) {
            observables.add(new Object[] {orgId, caseId, null, "ip", "10.0." + i, "k" + i, 2, 2, now, "seed", now});
            observables.add(new Object[] {orgId, null, alertId, "ip", "10.1." + i, "k" + i, 2, 2, now, "seed", now});
        }
        jdbc.batchUpdate("INSERT INTO observable (org_id, case_id, alert_id, data_type, data, data_key, tlp, pap, start_date,"
                + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", observables);
        parents.put("case", caseId);
        parents.put("alert", alertId);
        parents.put("observable", jdbc.queryForObject("SELECT MAX(id) FROM observable WHERE org_id = ?", Long.class, orgId));
    }

    @Test
    void everyListStepAnswersAllItsRowsBeyondOneChunk() {
        int longLists = 0;
        for (String step : registry.listSteps().keySet()) {
            int rows = listLength(List.of(Map.of("_name", step)));
            assertThat(rows).as(step).isEqualTo(count(List.of(Map.of("_name", step))));
            if (rows > QueryService.CHUNK) longLists++;
        }
        assertThat(longLists).as("lists seeded with more than a chunk (cases, alerts, observables)").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyNavigationAnswersAllItsRowsBeyondOneChunk() {
        int longLists = 0;
        for (var navigation : registry.navigations()) {
            Long parent = parents.get(navigation.from().source().entity());
            var get = navigation.from().source().getStep();
            if (parent == null || get.isEmpty()) continue; // an entity this test seeds no record of
            List<Map<String, Object>> steps = List.of(
                    Map.of("_name", get.get(), "idOrName", "~" + parent), Map.of("_name", navigation.step()));
            var counted = analyst.post("/api/v1/query", Map.of("query", concat(steps, Map.of("_name", "count"))));
            assertThat(counted.status()).as(steps + " " + counted.body()).isEqualTo(200);
            int rows = listLength(steps);
            assertThat(rows).as(get.get() + " > " + navigation.step()).isEqualTo(Integer.parseInt(counted.body().trim()));
            if (rows > QueryService.CHUNK) longLists++;
        }
        assertThat(longLists).as("navigations seeded with more than a chunk").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFilteredSortedListBeyondOneChunkIsStreamedInOrder() {
        var r = analyst.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_gte", Map.of("_field", "number", "_value", 2)),
                Map.of("_name", "sort", "_fields", List.of(Map.of("number", "asc"))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode cases = r.json();
        assertThat(cases.size()).isEqualTo(MORE_THAN_A_CHUNK - 1);
        for (int i = 0; i < cases.size(); i++) assertThat(cases.get(i).get("number").asLong()).isEqualTo(i + 2);
    }

    /** Clients asking at once each get their whole answer with its headers (a page, its total, the security headers). */
    @Test
    void concurrentQueriesEachGetTheirWholeAnswer() throws Exception {
        var page = Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "sort", "_fields", List.of(Map.of("number", "desc"))),
                Map.of("_name", "page", "from", 0, "to", 15, "extraData", List.of("total"))));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<TestApi.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 320; i++) answers.add(pool.submit(() -> analyst.post("/api/v1/query", page)));
            for (var answer : answers) {
                TestApi.Response r = answer.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                assertThat(r.json().size()).isEqualTo(15);
                assertThat(r.json().get(0).get("number").asInt()).isEqualTo(MORE_THAN_A_CHUNK);
                assertThat(r.headers().firstValue("X-Total")).hasValue(String.valueOf(MORE_THAN_A_CHUNK));
                assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int listLength(List<Map<String, Object>> steps) {
        var r = analyst.post("/api/v1/query", Map.of("query", steps));
        assertThat(r.status()).as(steps + " " + r.body().substring(0, Math.min(200, r.body().length()))).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list.isArray()).as(steps + " answers an array, not " + r.body().substring(0, Math.min(200, r.body().length()))).isTrue();
        for (JsonNode row : list) assertThat(row.get("_id")).as(steps + " rows are records").isNotNull();
        return list.size();
    }

    private int count(List<Map<String, Object>> steps) {
        var r = analyst.post("/api/v1/query", Map.of("query", concat(steps, Map.of("_name", "count"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return Integer.parseInt(r.body().trim());
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> steps, Map<String, Object> last) {
        List<Map<String, Object>> all = new ArrayList<>(steps);
        all.add(last);
        return all;
    }
}
