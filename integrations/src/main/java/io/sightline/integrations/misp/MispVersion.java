package io.sightline.integrations.misp;

/**
 * What {@code GET /servers/getVersion} says.
 *
 * @param version      MISP version, e.g. {@code 2.5.17}
 * @param permSync     the key's user may synchronise
 * @param permSighting the key's user may add sightings
 */
public record MispVersion(String version, boolean permSync, boolean permSighting) {
}
