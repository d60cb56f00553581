package io.sightline.server.comments;

/** A comment's new message (TheHive lets only the message change), checked as a new comment's. */
public record CommentChange(String message) {
    public CommentChange {
        message = NewComment.checked(message);
    }
}
