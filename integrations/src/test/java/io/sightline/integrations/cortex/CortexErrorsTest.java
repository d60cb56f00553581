package io.sightline.integrations.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.http.HttpAuthException;
import io.sightline.integrations.http.HttpJson;
import io.sightline.integrations.http.HttpStatusException;
import io.sightline.integrations.http.RemoteError;
import org.junit.jupiter.api.Test;

class CortexErrorsTest {

    private final CortexErrors errors = CortexErrors.standard();

    @Test
    void rateLimitKeepsCortexMessageAndAddsAHint() {
        HttpStatusException http = new HttpStatusException("cortex:a", "POST", "http://c/api/analyzer/x/run", 4, 429,
                RemoteError.parse("{\"type\":\"RateLimitExceeded\",\"message\":\"Rate limit of 5 per minute reached\"}"),
                null);

        CortexException e = errors.translate(http);

        assertThat(e.kind()).isEqualTo(CortexErrorKind.RATE_LIMITED);
        assertThat(e.cortexMessage()).contains("Rate limit of 5 per minute reached");
        assertThat(e.getMessage()).contains("RateLimitExceeded: Rate limit of 5 per minute reached")
                .contains("Hint: the analyzer's rate limit");
        assertThat(e.kind().isTransient()).isTrue();
    }

    @Test
    void unknownTypeFallsBackToTheStatus() {
        HttpAuthException http = new HttpAuthException("cortex:a", "GET", "http://c/api/user/current", 1, 401,
                RemoteError.parse("<html><title>Unauthorized</title></html>"));

        assertThat(errors.translate(http).kind()).isEqualTo(CortexErrorKind.AUTHENTICATION);
    }

    @Test
    void mappingTableWithAnUnknownKindIsRejected() throws Exception {
        assertThatThrownBy(() -> CortexErrors.parse(HttpJson.MAPPER.readTree(
                "{\"types\":{\"X\":{\"kind\":\"NOPE\",\"hint\":\"\"}}}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'X' has unknown kind 'NOPE'");
    }
}
