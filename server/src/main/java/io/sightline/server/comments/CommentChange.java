package io.sightline.server.comments;

/** A comment's new message (TheHive lets only the message change). */
public record CommentChange(String message) {}
