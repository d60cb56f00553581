package io.sightline.server.tasklogs;

import io.sightline.server.attachments.Attachment;

/** A file attached to a log, with who attached it and when. */
public record LogFile(Attachment file, String createdBy, long createdAt) {}
