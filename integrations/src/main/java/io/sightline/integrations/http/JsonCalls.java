package io.sightline.integrations.http;

import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over one {@link HttpTarget}: bodies written with Jackson, answers read into trees, records
 * or a streaming parser. An answer that is not the expected JSON fails with an
 * {@link HttpResponseParseException} that says where (line, column, field path).
 */
public final class JsonCalls {

    private final HttpTarget target;
    private final JsonMapper mapper;

    JsonCalls(HttpTarget target, JsonMapper mapper) {
        this.target = target;
        this.mapper = mapper;
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** The answer as a tree; an empty body gives a {@link MissingNode}. */
    public JsonNode send(HttpCall call) {
        byte[] body = target.sendForBytes(call).body();
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        return parse(call, body, mapper.constructType(JsonNode.class));
    }

    public <T> T send(HttpCall call, Class<T> type) {
        return parse(call, target.sendForBytes(call).body(), mapper.constructType(type));
    }

    public <T> T send(HttpCall call, TypeReference<T> type) {
        return parse(call, target.sendForBytes(call).body(), mapper.constructType(type));
    }

    public JsonNode get(String path) {
        return send(HttpCall.get(path).build());
    }

    public JsonNode get(String path, QueryParams query) {
        return send(HttpCall.get(path).query(query).build());
    }

    public <T> T get(String path, QueryParams query, Class<T> type) {
        return send(HttpCall.get(path).query(query).build(), type);
    }

    /** POSTs a JSON body; not retried after the request may have reached the server. */
    public JsonNode post(String path, Object body) {
        return send(HttpCall.post(path).body(RequestBody.json(mapper, body)).build());
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return send(HttpCall.post(path).body(RequestBody.json(mapper, body)).build(), type);
    }

    /**
     * Streams a large JSON answer through a Jackson {@link JsonParser}, so that memory stays bounded
     * whatever the size of the answer.
     */
    public <T> T stream(HttpCall call, Function<JsonParser, T> reader) {
        try {
            return target.readStream(call, in -> {
                try (JsonParser parser = mapper.createParser(in)) {
                    return reader.apply(parser);
                }
            });
        } catch (JacksonException e) {
            throw parseFailure(call, e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T parse(HttpCall call, byte[] body, JavaType type) {
        if (body.length == 0) {
            throw new HttpResponseParseException(target.name(), call.method().name(), target.shownUrl(call),
                    "the answer was empty where JSON (" + type.getRawClass().getSimpleName() + ") was expected", null);
        }
        try {
            return (T) mapper.readValue(body, type);
        } catch (JacksonException e) {
            throw parseFailure(call, e);
        }
    }

    private HttpResponseParseException parseFailure(HttpCall call, JacksonException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int newline = original.indexOf('\n');
        StringBuilder problem = new StringBuilder(e instanceof StreamReadException
                ? "the answer is not valid JSON: " : "the answer does not have the expected JSON shape: ");
        problem.append(newline < 0 ? original : original.substring(0, newline));
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            problem.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        String path = e.getPath().isEmpty() ? null : e.getPathReference();
        if (path != null) {
            problem.append(" (field ").append(path).append(')');
        }
        return new HttpResponseParseException(target.name(), call.method().name(), target.shownUrl(call),
                problem.toString(), e);
    }
}
