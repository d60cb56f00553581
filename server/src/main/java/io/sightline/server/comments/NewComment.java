package io.sightline.server.comments;

import io.sightline.server.api.JsonInput;
import io.sightline.server.core.Invalid;

/** What a caller sends to comment on a case or an alert; an empty or oversized message is refused here. */
public record NewComment(String message, boolean external) {
    public NewComment {
        message = checked(message);
    }

    static String checked(String message) {
        if (message == null || message.isBlank()) throw new Invalid("Field message of comment must not be empty");
        return JsonInput.storable("message", "comment", message, CommentInput.MAX_MESSAGE);
    }
}
