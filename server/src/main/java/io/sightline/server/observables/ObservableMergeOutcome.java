package io.sightline.server.observables;

/** What merging a case's similar observables did, as TheHive counts it: each observable is in exactly one count. */
public record ObservableMergeOutcome(int untouched, int updated, int deleted) {}
