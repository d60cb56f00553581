package io.sightline.integrations.http;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body: content type plus a publisher that can be replayed for retries (the JDK's
 * byte-array, file and concat publishers all can).
 */
public record RequestBody(String contentType, BodyPublisher publisher) {

    public RequestBody {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(publisher, "publisher");
    }

    public static RequestBody json(Object value) {
        return json(HttpJson.MAPPER, value);
    }

    public static RequestBody json(JsonMapper mapper, Object value) {
        return new RequestBody("application/json", BodyPublishers.ofByteArray(mapper.writeValueAsBytes(value)));
    }

    public static RequestBody text(String contentType, String text) {
        return new RequestBody(contentType, BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    }

    public static RequestBody bytes(String contentType, byte[] bytes) {
        return new RequestBody(contentType, BodyPublishers.ofByteArray(bytes.clone()));
    }
}
