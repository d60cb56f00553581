package io.sightline.server.pages;

/** The fields of a new page or page template; order 0 when the caller gives none. */
public record PageDraft(String title, String category, String content, int order) {}
