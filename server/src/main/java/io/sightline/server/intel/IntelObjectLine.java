package io.sightline.server.intel;

/** A stored STIX object as a list shows it; {@code modifiedAt} in epoch milliseconds, or null. */
public record IntelObjectLine(String stixId, String type, String name, boolean revoked, Long modifiedAt) {}
