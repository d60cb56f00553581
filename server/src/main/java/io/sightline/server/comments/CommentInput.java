package io.sightline.server.comments;

import io.sightline.server.api.JsonInput;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads TheHive's InputComment bodies into commands; unknown fields and wrong types are refused. */
final class CommentInput {
    /**
     * A million characters, as for case descriptions: below the 1 MiB body limit, so that an
     * oversized message is named in a 400 rather than refused as a whole body.
     */
    static final int MAX_MESSAGE = 1_000_000;

    private CommentInput() {}

    static NewComment newComment(JsonNode body) {
        JsonInput in = JsonInput.of(body, "comment", Set.of("message", "external"));
        return new NewComment(in.requiredString("message", MAX_MESSAGE), in.bool("external").orElse(false));
    }

    static CommentChange change(JsonNode body) {
        JsonInput in = JsonInput.of(body, "comment", Set.of("message"));
        return new CommentChange(in.requiredString("message", MAX_MESSAGE));
    }
}
