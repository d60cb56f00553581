package io.sightline.server.timeline;

/** A PATCH of a custom event: null fields stay as they are; an empty description clears it. */
public record CustomEventChanges(Long date, Long endDate, String title, String description) {}
