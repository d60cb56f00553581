package io.sightline.server.api;

import io.sightline.server.support.TestApi;
import tools.jackson.databind.JsonNode;

/** The error body every {@code /api} answer of 400 and above must have. */
final class ApiErrorShape {
    private ApiErrorShape() {}

    static boolean isTypeAndMessage(TestApi.Response r) {
        String contentType = r.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) return false;
        try {
            JsonNode body = TestApi.JSON.readTree(r.body());
            return body.isObject() && body.path("type").isString() && !body.path("type").stringValue().isBlank()
                    && body.path("message").isString();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
