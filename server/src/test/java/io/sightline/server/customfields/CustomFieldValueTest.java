package io.sightline.server.customfields;

import io.sightline.server.core.Invalid;
import io.sightline.server.support.TestApi;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typing a client's value by its field's definition, and reading TheHive's three spellings of customFields. */
class CustomFieldValueTest {

    private static RawValue number(String n) {
        return new RawValue.Number(new BigDecimal(n));
    }

    @Test
    void typesEachKindOfValue() {
        assertThat(CustomFieldValue.parse("f", CustomFieldType.STRING, new RawValue.Text("x"))).isEqualTo(new CustomFieldValue.Text("x"));
        assertThat(CustomFieldValue.parse("f", CustomFieldType.INTEGER, number("42"))).isEqualTo(new CustomFieldValue.Whole(42));
        assertThat(CustomFieldValue.parse("f", CustomFieldType.INTEGER, number("42.0"))).isEqualTo(new CustomFieldValue.Whole(42));
        assertThat(CustomFieldValue.parse("f", CustomFieldType.FLOAT, number("1.5"))).isEqualTo(new CustomFieldValue.Decimal(1.5));
        assertThat(CustomFieldValue.parse("f", CustomFieldType.FLOAT, number("2"))).isEqualTo(new CustomFieldValue.Decimal(2));
        assertThat(CustomFieldValue.parse("f", CustomFieldType.BOOLEAN, new RawValue.Bool(true))).isEqualTo(new CustomFieldValue.Flag(true));
        assertThat(CustomFieldValue.parse("f", CustomFieldType.DATE, number("1700000000000")))
                .isEqualTo(new CustomFieldValue.Date(1_700_000_000_000L));
        assertThat(CustomFieldValue.parse("f", CustomFieldType.URL, new RawValue.Text("https://example.org/a?b=c")).json())
                .isEqualTo("https://example.org/a?b=c");
        assertThat(CustomFieldValue.parse("f", CustomFieldType.STRING, new RawValue.Null())).isNull();
    }

    @Test
    void refusesAValueOfTheWrongKindNamingTheField() {
        assertThatThrownBy(() -> CustomFieldValue.parse("hits", CustomFieldType.INTEGER, new RawValue.Text("12")))
                .isInstanceOf(Invalid.class)
                .hasMessage("Custom field hits is of type integer and cannot hold string \"12\" (expected an integer)");
        assertThatThrownBy(() -> CustomFieldValue.parse("hits", CustomFieldType.INTEGER, number("1.5")))
                .hasMessageContaining("cannot hold number 1.5");
        assertThatThrownBy(() -> CustomFieldValue.parse("when", CustomFieldType.DATE, new RawValue.Text("2024-01-01")))
                .hasMessageContaining("Custom field when is of type date");
        assertThatThrownBy(() -> CustomFieldValue.parse("ok", CustomFieldType.BOOLEAN, number("1")))
                .hasMessageContaining("Custom field ok is of type boolean");
        assertThatThrownBy(() -> CustomFieldValue.parse("name", CustomFieldType.STRING, new RawValue.Bool(false)))
                .hasMessageContaining("Custom field name is of type string");
        assertThatThrownBy(() -> CustomFieldValue.parse("link", CustomFieldType.URL, new RawValue.Text("not a url")))
                .hasMessageContaining("Custom field link is of type url");
        assertThatThrownBy(() -> CustomFieldValue.parse("name", CustomFieldType.STRING, new RawValue.Structured("an array")))
                .hasMessageContaining("cannot hold an array");
        assertThatThrownBy(() -> CustomFieldValue.parse("name", CustomFieldType.STRING, new RawValue.Text("x".repeat(9000))))
                .hasMessageContaining("too long");
    }

    @Test
    void optionsAllowOnlyTheirValues() {
        var field = new CustomFieldDefinition(1, "unit", "Unit", "default", "", CustomFieldType.STRING,
                List.of(new CustomFieldValue.Text("sales"), new CustomFieldValue.Text("hr")), false, "admin", 0, null, null);
        assertThat(field.allows(new CustomFieldValue.Text("hr"))).isTrue();
        assertThat(field.allows(new CustomFieldValue.Text("HR"))).isFalse();
        assertThat(field.allows(null)).isTrue();
    }

    @Test
    void readsTheListTheObjectAndTheHive4sObjectForms() {
        var list = CustomFieldJson.read(TestApi.JSON.readTree(
                "[{\"name\":\"a\",\"value\":\"x\",\"order\":3},{\"name\":\"b\",\"value\":7},{\"name\":\"b\",\"value\":null}]"), "case");
        assertThat(list).containsExactly(new CustomFieldInput("a", new RawValue.Text("x"), 3),
                new CustomFieldInput("b", number("7"), null), new CustomFieldInput("b", new RawValue.Null(), null));

        var object = CustomFieldJson.read(TestApi.JSON.readTree("{\"a\":\"x\",\"b\":[true,false]}"), "case");
        assertThat(object).containsExactly(new CustomFieldInput("a", new RawValue.Text("x"), null),
                new CustomFieldInput("b", new RawValue.Bool(true), null), new CustomFieldInput("b", new RawValue.Bool(false), null));

        var hive4 = CustomFieldJson.read(TestApi.JSON.readTree("{\"a\":{\"integer\":5,\"order\":2}}"), "case");
        assertThat(hive4).containsExactly(new CustomFieldInput("a", number("5"), 2));

        assertThatThrownBy(() -> CustomFieldJson.read(TestApi.JSON.readTree("[{\"name\":\"a\"}]"), "case"))
                .hasMessage("Custom field a of the case has no value");
        assertThatThrownBy(() -> CustomFieldJson.read(TestApi.JSON.readTree("[{\"name\":\"a\",\"value\":1,\"colour\":2}]"), "case"))
                .hasMessageContaining("Unknown field colour");
        assertThatThrownBy(() -> CustomFieldJson.read(TestApi.JSON.readTree("\"a\""), "case"))
                .hasMessageContaining("must be a list of {name, value, order} or an object");
        assertThatThrownBy(() -> CustomFieldJson.read(TestApi.JSON.readTree("{\"a\":{\"colour\":5}}"), "case"))
                .hasMessageContaining("Unknown custom field type 'colour'");
    }

    @Test
    void rendersTheListAndTheObjectShapes() {
        var values = List.of(new StoredValue(5, "unit", CustomFieldType.STRING, new CustomFieldValue.Text("hr"), 0),
                new StoredValue(6, "hits", CustomFieldType.INTEGER, new CustomFieldValue.Whole(3), 1),
                new StoredValue(7, "hits", CustomFieldType.INTEGER, new CustomFieldValue.Whole(4), 2),
                new StoredValue(8, "due", CustomFieldType.DATE, null, 3));
        assertThat(TestApi.JSON.writeValueAsString(CustomFieldValuesView.list(values))).isEqualTo(
                "[{\"_id\":\"~5\",\"name\":\"unit\",\"type\":\"string\",\"value\":\"hr\",\"order\":0},"
                        + "{\"_id\":\"~6\",\"name\":\"hits\",\"type\":\"integer\",\"value\":3,\"order\":1},"
                        + "{\"_id\":\"~7\",\"name\":\"hits\",\"type\":\"integer\",\"value\":4,\"order\":2},"
                        + "{\"_id\":\"~8\",\"name\":\"due\",\"type\":\"date\",\"value\":null,\"order\":3}]");
        assertThat(TestApi.JSON.writeValueAsString(CustomFieldValuesView.object(values))).isEqualTo(
                "{\"unit\":{\"string\":\"hr\",\"order\":0},\"hits\":{\"integer\":[3,4],\"order\":1},\"due\":{\"date\":null,\"order\":3}}");
    }
}
