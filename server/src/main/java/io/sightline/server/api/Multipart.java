package io.sightline.server.api;

import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.TooLarge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON part of TheHive's multipart requests, sent as a form field or, by thehive4py's alerts, as a file. */
public final class Multipart {
    public static final String JSON_PART = "_json";
    /** The largest {@code _json} part read: room for the longest texts a record holds. */
    static final long MAX_JSON_BYTES = 16L * 1024 * 1024;

    private Multipart() {}

    public static JsonNode json(MultipartHttpServletRequest request, JsonMapper json) {
        String text = request.getParameter(JSON_PART);
        if (text == null) {
            MultipartFile part = request.getFile(JSON_PART);
            if (part == null) throw new Invalid("Part " + JSON_PART + " is required: send the JSON body in a multipart part named " + JSON_PART);
            if (part.getSize() > MAX_JSON_BYTES) throw new TooLarge("Part " + JSON_PART + " exceeds " + MAX_JSON_BYTES + " bytes");
            try {
                text = new String(part.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new Malformed("Malformed JSON in part " + JSON_PART + ": " + e.getOriginalMessage());
        }
    }
}
