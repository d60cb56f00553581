package io.sightline.server.api;

import io.sightline.server.support.HubTest;
import io.sightline.server.support.TestApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client sees for each kind of mistake: a 4xx {@code {type, message}} saying what is wrong. */
abstract class ApiErrorsContract extends HubTest {

    @Test
    void unknownRoutesWrongMethodsAndContentTypesAnswerTypeAndMessage() {
        assertError(admin.get("/api/v1/no-such-thing"), 404, "NotFoundError", "No such endpoint");
        assertError(admin.delete("/api/v1/query"), 405, "BadRequest", "DELETE");
        assertError(admin.send(admin.builder("/api/v1/case").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "BadRequest", "application/json");
        assertError(TestApi.withKey(port, null).get("/api/v1/no-such-thing"), 401, "AuthenticationError", "Authentication");
    }

    @Test
    void truncatedOrBoundlessMultipartBodiesAre400() {
        TestApi analyst = newUser(unique("multipart"), "analyst");
        String caseId = createCase(analyst, "multipart");
        String path = "/api/v1/case/" + caseId + "/observable";
        assertError(analyst.send(analyst.builder(path).header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n{}"))),
                400, "BadRequest", "multipart");
        assertError(analyst.send(analyst.builder(path).header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"f\"\r\n\r\nab"))),
                400, "BadRequest", "multipart");
    }

    @Test
    void requestsTomcatRefusesBeforeTheApplicationAreJsonToo() throws IOException {
        String encodedTraversal = raw("GET /api/v1/case/%2e%2e%2f%2e%2e%2fetc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertRawError(encodedTraversal, 400);
        String hugeHeader = raw("GET /api/v1/status HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000) + "\r\nConnection: close\r\n\r\n");
        assertRawError(hugeHeader, 400);
    }

    @Test
    void textTheDatabaseCannotStoreIsRefusedSayingWhy() {
        TestApi analyst = newUser(unique("text"), "analyst");
        var nul = analyst.post("/api/v1/case", Map.of("title", "a\u0000b", "description", "d"));
        assertError(nul, 400, "AttributeCheckingError", "NUL");
        String caseId = createCase(analyst, "long values");
        var longData = analyst.post("/api/v1/case/" + caseId + "/observable", Map.of("dataType", "other", "data", "x".repeat(70_000)));
        assertError(longData, 400, "AttributeCheckingError", "at most 65536");
        var nulInQuery = analyst.post("/api/v1/query", Map.of("query", List.of(Map.of("_name", "listCase"),
                Map.of("_name", "filter", "_eq", Map.of("_field", "title", "_value", "a\u0000b")))));
        assertThat(nulInQuery.status()).as(nulInQuery.toString()).isIn(200, 400);
        if (nulInQuery.status() == 400) assertThat(nulInQuery.json().get("message").asString()).contains("NUL");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertRawError(String answer, int status) {
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer.toLowerCase()).as(answer).contains("content-type: application/json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        if (answer.toLowerCase().contains("transfer-encoding: chunked")) body = body.substring(body.indexOf("\r\n") + 2);
        var json = TestApi.JSON.readTree(body.substring(0, body.lastIndexOf('}') + 1));
        assertThat(json.get("type").asString()).isEqualTo("BadRequest");
        assertThat(json.get("message").asString()).isNotBlank();
    }

    static void assertError(TestApi.Response r, int status, String type, String messagePart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(ApiErrorShape.isTypeAndMessage(r)).as(r.toString()).isTrue();
        assertThat(r.json().get("type").asString()).as(r.toString()).isEqualTo(type);
        assertThat(r.json().get("message").asString()).as(r.toString()).containsIgnoringCase(messagePart);
    }
}
