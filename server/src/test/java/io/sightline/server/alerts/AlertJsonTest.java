package io.sightline.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.cases.CaseChanges;
import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive's alert JSON read into commands, without a running hub. */
class AlertJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void readsANewAlertWithItsInlineObservables() {
        NewAlert a = AlertJson.newAlert(json("""
                {"type":"misp","source":"feed","sourceRef":"ev-1","title":"t","description":"d","severity":3,
                 "tlp":"red","pap":0,"tags":["x"],"user":"bob","read":true,
                 "observables":[{"dataType":"ip","data":["192.0.2.1","192.0.2.2"]}],
                 "artifacts":[{"dataType":"domain","data":"example.org","tlp":1}]}"""));

        assertThat(a.type()).isEqualTo("misp");
        assertThat(a.severity()).isEqualTo(3);
        assertThat(a.tlp()).isEqualTo(Tlp.RED);
        assertThat(a.pap()).isEqualTo(Pap.CLEAR);
        assertThat(a.assignee()).isEqualTo("bob");
        assertThat(a.read()).isTrue();
        assertThat(a.follow()).isNull();
        assertThat(a.observables()).extracting(o -> o.dataType() + " " + o.data() + " " + o.tlp())
                .containsExactly("ip [192.0.2.1, 192.0.2.2] null", "domain [example.org] GREEN");
    }

    @Test
    void refusesAnUnknownFieldAndAWrongType() {
        assertThatThrownBy(() -> AlertJson.changes(json("{\"sourceRef\":\"x\"}")))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("Unknown field sourceRef in alert; accepted fields: assignee, customFields, date, description,");
        assertThatThrownBy(() -> AlertJson.changes(json("{\"follow\":\"yes\"}")))
                .hasMessage("Field follow of alert must be true or false (got string \"yes\")");
        assertThatThrownBy(() -> AlertJson.newAlert(json("{\"type\":\"t\",\"observables\":{}}")))
                .hasMessage("Field observables of alert must be an array of observables (got an object)");
        assertThatThrownBy(() -> AlertJson.newAlert(json("{\"procedures\":[{\"patternId\":\"T1566\"}]}")))
                .hasMessage("Field procedures of alert is not supported by this server");
    }

    @Test
    void tellsAClearedFieldFromAnAbsentOne() {
        AlertChanges cleared = AlertJson.changes(json("{\"externalLink\":null,\"summary\":null,\"assignee\":null}"));
        assertThat(cleared.externalLink()).isEqualTo(Change.clear());
        assertThat(cleared.summary()).isEqualTo(Change.clear());
        assertThat(cleared.assignee()).isEqualTo(Change.clear());
        assertThat(AlertJson.changes(json("{\"lastSyncDate\":1,\"user\":\"x\"}"))).isEqualTo(AlertChanges.NONE);
    }

    @Test
    void aPromotionBodyIsOptionalButMustBeAnObjectOfCaseFields() {
        assertThat(AlertJson.caseOverrides(null)).isEqualTo(CaseChanges.NONE);
        assertThat(AlertJson.caseOverrides(json("{\"title\":\"new\"}")).title()).isEqualTo(Change.to("new"));
        assertThatThrownBy(() -> AlertJson.caseOverrides(json("\"x\"")))
                .isInstanceOf(Malformed.class)
                .hasMessage("The body of a promotion must be a JSON object of case fields");
        assertThatThrownBy(() -> AlertJson.caseOverrides(json("{\"source\":\"x\"}")))
                .hasMessageStartingWith("Unknown field source in case;");
    }
}
