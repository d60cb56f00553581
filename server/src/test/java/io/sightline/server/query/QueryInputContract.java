package io.sightline.server.query;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step of the {@link QueryRegistry}, and every field of every entity, given values of
 * the wrong JSON type: the answer is a 4xx {@code {type, message}}, never a 5xx.
 */
abstract class QueryInputContract extends HubTest {
    private static final List<Object> WRONG = List.of(Map.of("a", 1), Map.of("$gt", List.of(1)), List.of(Map.of()),
            new java.math.BigInteger("18446744073709551616"), new java.math.BigInteger("-99999999999999999999"), 1.5, 1e300,
            "x\u0000y", "x".repeat(70_000), true);
    private static final List<String> STEP_ARGUMENTS = List.of("idOrName", "_fields", "from", "to", "extraData", "_name");

    @Autowired
    QueryRegistry registry;

    private TestApi analyst;
    private String caseId;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void user() {
        analyst = newUser(unique("query-input"), "analyst");
        caseId = createCase(analyst, "target");
    }

    @Test
    void everyStepRefusesIllTypedArgumentsWith4xx() {
        List<String> steps = new ArrayList<>();
        steps.addAll(registry.listSteps().keySet());
        steps.addAll(registry.getSteps().keySet());
        steps.addAll(registry.navigationSteps());
        steps.addAll(QueryRegistry.MODIFIER_STEPS);
        for (String step : steps) {
            boolean first = registry.isListStep(step) || registry.isGetStep(step);
            for (String argument : STEP_ARGUMENTS) {
                for (Object wrong : WRONG) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("_name", step);
                    s.put(argument, wrong);
                    if (step.equals("page") && !argument.equals("from")) s.putIfAbsent("from", 0);
                    if (step.equals("page") && !argument.equals("to")) s.putIfAbsent("to", 10);
                    query(first ? List.of(s) : List.of(Map.of("_name", "getCase", "idOrName", caseId), s));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyFieldOfEveryEntityRefusesIllTypedValuesWith4xx() {
        for (var list : registry.listSteps().entrySet()) {
            for (String field : list.getValue().fieldNames()) {
                for (Object wrong : WRONG) {
                    for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("_eq", Map.of("_field", field, "_value", wrong)),
                            Map.of("_in", Map.of("_field", field, "_values", List.of(wrong))),
                            Map.of("_between", Map.of("_field", field, "_from", wrong, "_to", wrong)),
                            Map.of("_like", Map.of("_field", field, "_value", wrong)),
                            Map.of("_id", wrong), Map.of(field, wrong), Map.of("_has", wrong))) {
                        Map<String, Object> step = new LinkedHashMap<>(filter);
                        step.put("_name", "filter");
                        query(List.of(Map.of("_name", list.getKey()), step));
                    }
                    query(List.of(Map.of("_name", list.getKey()), Map.of("_name", "sort", "_fields", List.of(Map.of(field, wrong)))));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aQueryBindingMoreValuesThanADatabaseStatementCarriesIsRefusedNamingTheLimit() {
        List<Integer> values = new ArrayList<>(Collections.nCopies(70_000, 7));
        var r = analyst.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_in", Map.of("_field", "severity", "_values", values)))));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("SearchError");
        assertThat(r.json().get("message").asString()).contains("60000");
    }

    private void query(List<Map<String, Object>> steps) {
        var r = analyst.post("/api/v1/query", Map.of("query", steps));
        String what = TestApi.JSON.writeValueAsString(steps);
        what = what.length() > 200 ? what.substring(0, 200) + "…" : what;
        if (r.status() >= 500) {
            failures.add(what + " -> " + r.status() + " " + r.body());
        } else if (r.status() >= 400) {
            JsonNode body = r.json();
            if (!body.path("type").isString() || !body.path("message").isString()) failures.add(what + " -> " + r);
        }
    }
}
