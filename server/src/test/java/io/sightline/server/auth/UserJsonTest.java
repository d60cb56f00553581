package io.sightline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** TheHive's user JSON read into commands, without a running hub. */
class UserJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void readsANewUserWithItsEmail() {
        assertThat(UserJson.newUser(json("{\"login\":\"ana\",\"profile\":\"analyst\",\"email\":\"ana@example.org\"}")))
                .isEqualTo(new NewUser("ana", null, "analyst", null, null, "ana@example.org"));
    }

    @Test
    void refusesUnknownFieldsWrongTypesAndAMissingBody() {
        assertThatThrownBy(() -> UserJson.changes(json("{\"login\":\"x\"}"))).isInstanceOf(Invalid.class)
                .hasMessage("Unknown field login in user; accepted fields: email, locked, name, organisation, profile");
        assertThatThrownBy(() -> UserJson.changes(json("{\"locked\":\"yes\"}")))
                .hasMessage("Field locked of user must be true or false (got string \"yes\")");
        assertThatThrownBy(() -> UserJson.newUser(null)).isInstanceOf(Malformed.class)
                .hasMessage("A JSON object describing the user is required");
    }

    @Test
    void aNullFieldOfAnUpdateLeavesItAsItIs() {
        assertThat(UserJson.changes(json("{\"name\":null,\"locked\":true}"))).isEqualTo(UserChanges.locked(true));
    }
}
