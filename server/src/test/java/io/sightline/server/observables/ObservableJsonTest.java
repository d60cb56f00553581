package io.sightline.server.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.common.Change;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive's observable JSON read into commands, and commands into drafts, without a running hub. */
class ObservableJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ObservableDrafts drafts = new ObservableDrafts(new ObservableTypes(List.of("ip", "domain", "other")));

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void oneValueOrAListGiveOneDraftEach() {
        NewObservable one = ObservableJson.newObservable(json("{\"dataType\":\"ip\",\"data\":\"192.0.2.1\",\"tlp\":\"green\",\"pap\":3}"));
        assertThat(one).isEqualTo(new NewObservable("ip", List.of("192.0.2.1"), null, Tlp.GREEN, Pap.RED, null, null, null, null, null));
        assertThat(drafts.of(ObservableJson.newObservable(json("{\"dataType\":\"domain\",\"data\":[\"a.example\",\"b.example\"],\"ioc\":true}")), null))
                .extracting(d -> d.data() + " " + d.ioc() + " " + d.tlp())
                .containsExactly("a.example true 2", "b.example true 2");
    }

    @Test
    void refusesWrongTypesUnknownFieldsAndMissingValuesWithTheFieldNamed() {
        assertThatThrownBy(() -> ObservableJson.newObservable(json("{\"dataType\":\"ip\",\"data\":[1]}")))
                .isInstanceOf(Invalid.class).hasMessage("Field data of observable must be a string or a list of strings (got an array)");
        assertThatThrownBy(() -> ObservableJson.newObservable(json("{\"dataType\":\"ip\",\"value\":\"x\"}")))
                .hasMessageStartingWith("Unknown field value in observable; accepted fields: attachment, data,");
        assertThatThrownBy(() -> drafts.of(ObservableJson.newObservable(json("{\"dataType\":\"ip\"}")), null))
                .hasMessage("Field data of observable is required");
        assertThatThrownBy(() -> drafts.of(ObservableJson.newObservable(json("{\"dataType\":\"ip\",\"data\":[]}")), null))
                .hasMessage("Field data of observable must not be an empty list");
    }

    @Test
    void anUpdateTellsAClearedMessageFromAnAbsentOne() {
        assertThat(ObservableJson.changes(json("{\"message\":null}")).message()).isEqualTo(Change.clear());
        assertThat(ObservableJson.changes(json("{\"ioc\":false}")).message()).isEqualTo(Change.keep());
        assertThatThrownBy(() -> ObservableJson.changes(json("{\"ioc\":\"no\"}")))
                .hasMessage("Field ioc of observable must be true or false (got string \"no\")");
    }
}
