package io.sightline.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive's case JSON read into commands, without a running hub. */
class CaseJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void readsEveryFieldOfANewCase() {
        NewCase c = CaseJson.newCase(json("""
                {"title":"t","description":"d","severity":3,"tlp":"amber+strict","pap":1,"flag":true,
                 "startDate":1000,"endDate":2000,"tags":["a","b"],"summary":"s","assignee":"bob",
                 "status":"Resolved","resolutionStatus":"Other","impactStatus":"NoImpact","customFields":[]}"""));

        assertThat(c).isEqualTo(new NewCase("t", "d", 3, Tlp.AMBER_STRICT, Pap.GREEN, true, 1000L, 2000L,
                List.of("a", "b"), "s", "bob", "Resolved", "Other", "NoImpact"));
    }

    @Test
    void refusesAnUnknownFieldNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> CaseJson.newCase(json("{\"title\":\"t\",\"description\":\"d\",\"colour\":\"red\"}")))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("Unknown field colour in case; accepted fields: assignee, caseTemplate,");
    }

    @Test
    void refusesAWrongTypeNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> CaseJson.changes(json("{\"severity\":\"high\"}")))
                .isInstanceOf(Invalid.class)
                .hasMessage("Field severity of case must be an integer (got string \"high\")");
        assertThatThrownBy(() -> CaseJson.changes(json("{\"tags\":[\"a\",1]}")))
                .hasMessage("Field tags of case must be an array of strings (got an array)");
        assertThatThrownBy(() -> CaseJson.changes(json("{\"endDate\":\"yesterday\"}")))
                .hasMessage("Field endDate of case must be a date in epoch milliseconds (got string \"yesterday\")");
    }

    @Test
    void readsTlpAndPapByNumberOrNameAndRefusesAnythingElse() {
        assertThat(CaseJson.changes(json("{\"tlp\":\"TLP:CLEAR\",\"pap\":\"red\"}")).tlp()).isEqualTo(Tlp.CLEAR);
        assertThat(CaseJson.changes(json("{\"tlp\":4,\"pap\":\"red\"}")).pap()).isEqualTo(Pap.RED);
        assertThatThrownBy(() -> CaseJson.changes(json("{\"tlp\":true}")))
                .isInstanceOf(Invalid.class).hasMessage("Field tlp must be a TLP number or name");
        assertThatThrownBy(() -> CaseJson.changes(json("{\"pap\":[2]}")))
                .hasMessage("Field pap must be a PAP number or name");
        assertThatThrownBy(() -> CaseJson.changes(json("{\"tlp\":9}")))
                .hasMessage("TLP must be 0 (CLEAR), 1 (GREEN), 2 (AMBER), 3 (RED) or 4 (AMBER+STRICT), not 9");
    }

    @Test
    void refusesAFilledFieldThisServerDoesNotModelButAcceptsItEmpty() {
        assertThatThrownBy(() -> CaseJson.changes(json("{\"taskRule\":\"manual\"}")))
                .hasMessage("Field taskRule of case is not supported by this server");
        assertThat(CaseJson.changes(json("{\"taskRule\":\"\",\"sharingParameters\":[]}"))).isEqualTo(CaseChanges.NONE);
        // a template, tasks and pages come with a new case only (caseassembly reads them)
        assertThatThrownBy(() -> CaseJson.changes(json("{\"caseTemplate\":\"phishing\"}")))
                .hasMessageContaining("Unknown field caseTemplate");
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> CaseJson.changes(null)).isInstanceOf(Malformed.class)
                .hasMessage("A JSON object describing the case is required");
        assertThatThrownBy(() -> CaseJson.changes(json("[1]"))).isInstanceOf(Malformed.class);
    }

    @Test
    void tellsAClearedFieldFromAnAbsentOne() {
        CaseChanges cleared = CaseJson.changes(json("{\"endDate\":null,\"summary\":null,\"assignee\":null}"));
        assertThat(cleared.endDate()).isEqualTo(Change.clear());
        assertThat(cleared.summary()).isEqualTo(Change.clear());
        assertThat(cleared.assignee()).isEqualTo(Change.clear());

        CaseChanges absent = CaseJson.changes(json("{\"severity\":2}"));
        assertThat(absent.endDate()).isEqualTo(Change.keep());
        assertThat(absent.summary()).isEqualTo(Change.keep());
        assertThat(absent.severity()).isEqualTo(2);
    }

    @Test
    void aNullTitleIsAChangeTheServiceRefusesNotAnAbsentOne() {
        assertThat(CaseJson.changes(json("{\"title\":null}")).title()).isEqualTo(Change.clear());
        assertThat(CaseJson.changes(json("{\"severity\":null}")).severity()).isNull();
    }

    @Test
    void theOlderUserFieldNamesTheAssigneeToo() {
        assertThat(CaseJson.changes(json("{\"user\":\"carol\"}")).assignee()).isEqualTo(Change.to("carol"));
        assertThat(CaseJson.newCase(json("{\"title\":\"t\",\"description\":\"d\",\"user\":\"carol\"}")).assignee())
                .isEqualTo("carol");
    }
}
