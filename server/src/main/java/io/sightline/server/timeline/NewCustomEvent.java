package io.sightline.server.timeline;

/** What a client gives to add a custom event; endDate and description may be null. */
public record NewCustomEvent(long date, Long endDate, String title, String description) {}
