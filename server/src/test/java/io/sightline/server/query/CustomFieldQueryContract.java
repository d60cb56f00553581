package io.sightline.server.query;

import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.RawValue;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases and alerts filtered and sorted on {@code customFields.<name>} in {@code /api/v1/query}, as
 * TheHive 5 clients send them; values are written through the value store the case and alert code uses.
 */
abstract class CustomFieldQueryContract extends HubTest {
    @Autowired
    CustomFieldValues values;
    @Autowired
    JdbcClient jdbc;

    private TestApi analyst;
    private String score;
    private String unit;
    private String urgent;
    private String ratio;
    private String seen;
    /** Case ids by title. */
    private final Map<String, String> cases = new LinkedHashMap<>();

    @BeforeEach
    void casesWithValues() {
        analyst = newUser(unique("cf-query"), "analyst");
        score = field("integer");
        unit = field("string");
        urgent = field("boolean");
        ratio = field("float");
        seen = field("date");
        // the case without any value comes first, so that a wrong "no value" answer shows
        cases.put("bare", createCase(analyst, "bare"));
        cases.put("low", caseWith("low", Map.of(score, 1, unit, "Sales", urgent, false, ratio, 0.5, seen, 1_000L)));
        cases.put("mid", caseWith("mid", Map.of(score, 5, unit, "HR-north", urgent, true, ratio, 2.5, seen, 2_000L)));
        cases.put("high", caseWith("high", Map.of(score, 9, unit, "HR-south", urgent, true, ratio, 7.25, seen, 3_000L)));
    }

    private String field(String type) {
        String name = unique(type);
        var r = admin.post("/api/v1/customField", Map.of("name", name, "group", "default", "description", "", "type", type));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return name;
    }

    private String caseWith(String title, Map<String, Object> fieldValues) {
        String id = createCase(analyst, title);
        List<CustomFieldInput> inputs = new ArrayList<>();
        fieldValues.forEach((name, v) -> inputs.add(new CustomFieldInput(name, raw(v), null)));
        setValues(ValueOwner.Kind.CASE, id, inputs);
        return id;
    }

    private void setValues(ValueOwner.Kind kind, String id, List<CustomFieldInput> inputs) {
        long number = Long.parseLong(id.substring(1));
        String table = kind == ValueOwner.Kind.CASE ? "case_record" : "alert";
        long orgId = jdbc.sql("SELECT org_id FROM " + table + " WHERE id = ?").param(number).query(Long.class).single();
        values.replace(new ValueOwner(kind, number, orgId), values.check(inputs));
    }

    private static RawValue raw(Object v) {
        if (v instanceof String s) return new RawValue.Text(s);
        if (v instanceof Boolean b) return new RawValue.Bool(b);
        return new RawValue.Number(new BigDecimal(v.toString()));
    }

    private TestApi.Response query(TestApi api, Object... steps) {
        return api.post("/api/v1/query", Map.of("query", List.of(steps)));
    }

    /** The titles of the cases a filter on the analyst's cases keeps, in the listed order. */
    private List<String> titles(Map<String, Object> filter, Object... more) {
        Map<String, Object> step = new LinkedHashMap<>(filter);
        step.put("_name", "filter");
        List<Object> steps = new ArrayList<>(List.of(Map.of("_name", "listCase"), step));
        steps.addAll(List.of(more));
        var r = query(analyst, steps.toArray());
        assertThat(r.status()).as(filter + " " + r).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode c : r.json()) out.add(c.get("title").asString());
        return out;
    }

    /** {@code {op: {_field, _value}}}; the value may be null. */
    private static Map<String, Object> op(String op, String field, Object value) {
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("_field", field);
        arg.put("_value", value);
        return Map.of(op, arg);
    }

    private static Map<String, Object> asc(String field) {
        return Map.of("_name", "sort", "_fields", List.of(Map.of(field, "asc")));
    }

    @Test
    void comparesAnIntegerFieldWithEveryOperatorTheClientSends() {
        String f = "customFields." + score;
        assertThat(titles(op("_eq", f, 5))).containsExactly("mid");
        assertThat(titles(op("_gt", f, 1), asc("title"))).containsExactly("high", "mid");
        assertThat(titles(op("_lte", f, 5), asc("title"))).containsExactly("low", "mid");
        assertThat(titles(Map.of("_between", Map.of("_field", f, "_from", 1, "_to", 9)), asc("title"))).containsExactly("low", "mid");
        assertThat(titles(Map.of("_in", Map.of("_field", f, "_values", List.of(1, 9, 42))), asc("title"))).containsExactly("high", "low");
        assertThat(titles(op("_ne", f, 5), asc("title"))).as("a case without the field differs too").containsExactly("bare", "high", "low");
        assertThat(titles(Map.of("_has", f), asc("title"))).containsExactly("high", "low", "mid");
        assertThat(titles(Map.of("_not", Map.of("_has", f)))).containsExactly("bare");
        assertThat(titles(op("_eq", f, null))).as("null: no value").containsExactly("bare");
        assertThat(titles(Map.of(f, 9))).as("the short form {field: value}").containsExactly("high");
        assertThat(titles(Map.of("_and", List.of(op("_gte", f, 5), op("_eq", "title", "high"))))).containsExactly("high");
    }

    @Test
    void comparesTextBooleanFloatAndDateFieldsOnTheirOwnColumn() {
        String u = "customFields." + unit;
        assertThat(titles(op("_eq", u, "Sales"))).containsExactly("low");
        assertThat(titles(op("_like", u, "hr"), asc("title"))).as("case-insensitive, contains").containsExactly("high", "mid");
        assertThat(titles(op("_startsWith", u, "hr-"), asc("title"))).containsExactly("high", "mid");
        assertThat(titles(op("_endsWith", u, "NORTH"))).containsExactly("mid");
        assertThat(titles(op("_like", u, "50%"))).as("% is literal").isEmpty();
        assertThat(titles(op("_eq", "customFields." + urgent, false))).containsExactly("low");
        assertThat(titles(op("_gt", "customFields." + ratio, 2.4), asc("title"))).containsExactly("high", "mid");
        assertThat(titles(op("_eq", "customFields." + ratio, 7.25))).containsExactly("high");
        assertThat(titles(op("_lt", "customFields." + ratio, 1))).as("a whole number against a float field").containsExactly("low");
        assertThat(titles(op("_gte", "customFields." + seen, 2_000), asc("title"))).containsExactly("high", "mid");
    }

    @Test
    void acceptsTheHive4sSpellingWithTheFieldsType() {
        assertThat(titles(op("_eq", "customFields." + score + ".integer", 9))).containsExactly("high");
        assertThat(titles(op("_eq", "customFields." + unit + ".string", "Sales"))).containsExactly("low");
        var wrongType = query(analyst, Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "customFields." + score + ".string", "_value", "9")));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("message").asString()).isEqualTo("Custom field " + score + " is of type integer, not string");
    }

    @Test
    void sortsOnAFieldWithRecordsWithoutAValueLastEitherWay() {
        String f = "customFields." + score;
        assertThat(titles(Map.of(), asc(f))).containsExactly("low", "mid", "high", "bare");
        assertThat(titles(Map.of(), Map.of("_name", "sort", "_fields", List.of(Map.of(f, "desc"))))).containsExactly("high", "mid", "low", "bare");
        assertThat(titles(Map.of(), Map.of("_name", "sort", "_fields", List.of(Map.of("customFields." + unit, "desc")))))
                .as("text ordered as the database orders it; every value here starts upper-case").containsExactly("low", "high", "mid", "bare");
        // a filter, a sort binding the field's id and a page: parameters stay in order, the total counts every match
        var paged = query(analyst, Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_gte", Map.of("_field", "customFields." + ratio, "_value", 0.5)),
                Map.of("_name", "sort", "_fields", List.of(Map.of("customFields." + seen, "desc"))),
                Map.of("_name", "page", "from", 1, "to", 3, "extraData", List.of("total")));
        assertThat(paged.status()).as(paged.toString()).isEqualTo(200);
        assertThat(paged.json().findValuesAsString("title")).containsExactly("mid", "low");
        assertThat(paged.header("X-Total")).isEqualTo("3");
        var counted = query(analyst, Map.of("_name", "listCase"), Map.of("_name", "sort", "_fields", List.of(Map.of(f, "asc"))),
                Map.of("_name", "page", "from", 0, "to", 2), Map.of("_name", "count"));
        assertThat(counted.body().trim()).isEqualTo("2");
    }

    @Test
    void aSeveralValuedFieldMatchesAnyValueAndSortsByItsLeastOrGreatest() {
        String multi = cases.get("mid");
        setValues(ValueOwner.Kind.CASE, multi, List.of(new CustomFieldInput(score, raw(0), null), new CustomFieldInput(score, raw(20), null)));
        String f = "customFields." + score;
        assertThat(titles(op("_eq", f, 20))).containsExactly("mid");
        assertThat(titles(op("_eq", f, 0))).containsExactly("mid");
        assertThat(titles(op("_ne", f, 0), asc("title"))).containsExactly("bare", "high", "low");
        assertThat(titles(Map.of(), asc(f))).containsExactly("mid", "low", "high", "bare");
        assertThat(titles(Map.of(), Map.of("_name", "sort", "_fields", List.of(Map.of(f, "desc"))))).containsExactly("mid", "high", "low", "bare");
    }

    @Test
    void filtersAlertsOnTheirOwnValuesAndNotOnCasesValues() {
        String ref = unique("cf-alert");
        var alert = analyst.post("/api/v1/alert", Map.of("type", "misp", "source", "feed", "sourceRef", ref, "title", "with score",
                "description", "d"));
        assertThat(alert.status()).as(alert.toString()).isEqualTo(201);
        setValues(ValueOwner.Kind.ALERT, alert.json().get("_id").asString(), List.of(new CustomFieldInput(score, raw(5), null)));
        var found = query(analyst, Map.of("_name", "listAlert"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "customFields." + score, "_value", 5)));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().findValuesAsString("sourceRef")).containsExactly(ref);
        assertThat(titles(op("_eq", "customFields." + score, 5))).as("the case with 5 only, not the alert").containsExactly("mid");
    }

    @Test
    void anotherOrganisationsRecordsStayInvisible() {
        TestApi stranger = newUser(unique("cf-other"), "analyst");
        var r = query(stranger, Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_gte", Map.of("_field", "customFields." + score, "_value", 0)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isZero();
    }

    @Test
    void anUnknownFieldOrAValueOfTheWrongTypeIsA400NamingItAndNothingElse() {
        assertSearchError(query(analyst, Map.of("_name", "listCase"),
                        Map.of("_name", "filter", "_eq", Map.of("_field", "customFields.no-such-field", "_value", 1))),
                "Unknown custom field 'no-such-field' for Case; an admin defines custom fields first");
        assertSearchError(query(analyst, Map.of("_name", "listCase"), Map.of("_name", "sort", "_fields", List.of(Map.of("customFields.nope", "asc")))),
                "Unknown custom field 'nope' for Case; an admin defines custom fields first");
        assertSearchError(query(analyst, Map.of("_name", "listCase"),
                        Map.of("_name", "filter", "_eq", Map.of("_field", "customFields." + score, "_value", "nine"))),
                "Field customFields." + score + " must be a whole number between -2^63 and 2^63-1, not a string");
        assertSearchError(query(analyst, Map.of("_name", "listCase"),
                        Map.of("_name", "filter", "_gt", Map.of("_field", "customFields." + ratio, "_value", true))),
                "Field customFields." + ratio + " must be a number, not a boolean");
        assertSearchError(query(analyst, Map.of("_name", "listCase"),
                        Map.of("_name", "filter", "_eq", Map.of("_field", "customFields." + urgent, "_value", 1))),
                "Field customFields." + urgent + " takes true or false, not 1");
        assertSearchError(query(analyst, Map.of("_name", "listCase"), Map.of("_name", "filter", "_like", Map.of("_field", "customFields." + score, "_value", "1"))),
                "Pattern filters apply to text fields, not customFields." + score);
        assertSearchError(query(analyst, Map.of("_name", "listCase"), Map.of("_name", "filter", "_gt", Map.of("_field", "customFields." + score, "_value", List.of(1)))),
                "Field customFields." + score + " must be a whole number between -2^63 and 2^63-1, not an array");
        assertSearchError(query(analyst, Map.of("_name", "listTask"), Map.of("_name", "filter", "_eq", Map.of("_field", "customFields." + score, "_value", 1))),
                "Unknown field 'customFields." + score + "' for Task; known fields: ");
    }

    @Test
    void everyCustomFieldRefusesIllTypedValuesWith4xxNever5xx() {
        List<Object> wrong = List.of(Map.of("a", 1), List.of(Map.of()), new java.math.BigInteger("18446744073709551616"), 1.5, 1e300,
                "x\u0000y", "x".repeat(70_000), true, "text");
        List<String> failures = new ArrayList<>();
        for (String name : List.of(score, unit, urgent, ratio, seen)) {
            String f = "customFields." + name;
            for (Object v : wrong) {
                for (Map<String, Object> filter : List.<Map<String, Object>>of(op("_eq", f, v), op("_lt", f, v), op("_like", f, v),
                        Map.of("_in", Map.of("_field", f, "_values", List.of(v))), Map.of("_between", Map.of("_field", f, "_from", v, "_to", v)))) {
                    Map<String, Object> step = new LinkedHashMap<>(filter);
                    step.put("_name", "filter");
                    var r = query(analyst, Map.of("_name", "listCase"), step);
                    if (r.status() >= 500 || (r.status() >= 400 && !r.json().path("message").isString())) failures.add(filter + " -> " + r);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void assertSearchError(TestApi.Response r, String messageStart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("SearchError");
        assertThat(r.json().get("message").asString()).startsWith(messageStart);
    }
}
