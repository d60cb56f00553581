package io.sightline.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.auth.CredentialsRejected;
import io.sightline.server.auth.TooManyFailedLogins;
import io.sightline.server.core.Busy;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.InvalidQuery;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Refused;
import io.sightline.server.core.RemoteFailure;
import io.sightline.server.core.TooLarge;
import io.sightline.server.core.Unauthenticated;
import io.sightline.server.core.Unavailable;
import jakarta.servlet.ServletException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each domain failure reaches API clients with the status and TheHive type they have always read. */
class DomainErrorMappingTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new NotFound("Case #3 not found"), 404, "NotFoundError"),
                Arguments.of(new Invalid("Field title of case is required"), 400, "AttributeCheckingError"),
                Arguments.of(new Malformed("Query parameter 'value' is required"), 400, "BadRequest"),
                Arguments.of(new Refused("The MISP connector is not configured (no misp.servers)"), 400, "BadRequest"),
                Arguments.of(new Conflict("User bob already exists"), 400, "CreateError"),
                Arguments.of(new Forbidden("Access denied"), 403, "AuthorizationError"),
                Arguments.of(new Unauthenticated("Malformed Basic authorization header"), 401, "AuthenticationError"),
                Arguments.of(new CredentialsRejected("Invalid API key", "unknown API key"), 401, "AuthenticationError"),
                Arguments.of(new TooManyFailedLogins(2_500), 429, "TooManyRequests"),
                Arguments.of(new TooLarge("Request body exceeds the limit of 10 bytes"), 413, "BadRequest"),
                Arguments.of(new Unavailable("The database is unavailable; try again later"), 503, "ServiceUnavailable"),
                Arguments.of(new Busy("Partition p of connector c is being synced right now"), 409, "BadRequest"),
                Arguments.of(new InvalidQuery("Unknown field 'x' for case"), 400, "SearchError"),
                Arguments.of(new RemoteFailure("Cortex", "Could not download artifact file a.txt"), 502, "CortexError"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void answersWithTheStatusTypeAndMessage(DomainException e, int status, String type) {
        var body = new ApiErrorHandler().handle(e);

        assertThat(body.getStatusCode().value()).isEqualTo(status);
        assertThat(body.getBody()).containsEntry("type", type).containsEntry("message", e.getMessage())
                .doesNotContainKey("object");
        assertThat(ApiErrors.statusOf(e)).isEqualTo(status);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void isFoundUnderTheWrappersOfFiltersAndProxies(DomainException e, int status, String type) {
        ApiException wrapped = ApiErrors.of(new ServletException("filter failed", new IllegalStateException(e)));

        assertThat(wrapped.status().value()).isEqualTo(status);
        assertThat(wrapped.type()).isEqualTo(type);
        assertThat(wrapped.getMessage()).isEqualTo(e.getMessage());
    }

    @Test
    void theDetailsOfARefusedBatchAreTheObjectOfTheAnswer() {
        List<Map<String, String>> refused = List.of(Map.of("type", "CreateError", "message", "Observable already exists: ip 1.1.1.1"));

        var body = new ApiErrorHandler().handle(new Conflict("Alert not created: observable refused: x", refused));

        assertThat(body.getStatusCode().value()).isEqualTo(400);
        assertThat(body.getBody()).containsEntry("type", "CreateError").containsEntry("object", refused);
    }

    @Test
    void aThrottledLoginSaysWhenToRetry() {
        assertThat(new TooManyFailedLogins(2_500).retryAfterSeconds()).isEqualTo(3);
        assertThat(new TooManyFailedLogins(2_500).getMessage())
                .isEqualTo("Too many failed logins from your address; try again in 3 seconds");
    }
}
