package io.sightline.server.api;

import io.sightline.server.support.PostgresDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class ApiErrorsOnPostgresTest extends ApiErrorsContract {

    /** PostgreSQL refuses a NUL even in a value it only compares with: the client is told so, not "conflicts". */
    @Test
    void aNulCharacterInAQueryValueIsA400SayingSo() {
        var r = newUser(unique("nul"), "analyst").post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "title", "_value", "a\u0000b")))));
        assertError(r, 400, "BadRequest", "NUL character");
    }
}
