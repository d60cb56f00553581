package io.sightline.server.tasklogs;

import org.springframework.core.io.InputStreamSource;

/** A file sent with a log: its name, its declared content type and where to read it from once. */
public record Upload(String name, String contentType, InputStreamSource content) {}
