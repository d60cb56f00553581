package io.sightline.testkit.opencti;

/** An error the emulator answers in the GraphQL {@code errors} array, with the code the real server uses. */
final class GraphqlError extends RuntimeException {
    final String code;
    final int httpStatus;

    GraphqlError(String code, String message) {
        this(code, message, "GRAPHQL_VALIDATION_FAILED".equals(code) || "BAD_USER_INPUT".equals(code)
                || "GRAPHQL_PARSE_FAILED".equals(code) ? 400 : 200);
    }

    GraphqlError(String code, String message, int httpStatus) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }
}
