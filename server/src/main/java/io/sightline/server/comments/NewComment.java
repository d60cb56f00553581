package io.sightline.server.comments;

/** What a caller sends to comment on a case or an alert. */
public record NewComment(String message, boolean external) {}
