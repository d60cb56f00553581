package io.sightline.server.attachments;

/** A stored file: kept on disk under its SHA-256, described here. */
public record Attachment(long id, String name, String contentType, long size, String md5, String sha1, String sha256) {}
