package io.sightline.integrations.stixify;

/**
 * A Stixify dossier as listed by {@code GET v1/dossiers/}.
 *
 * @param id dossier id (a UUID string, compared exactly)
 * @param name display name, used in OpenCTI work names
 */
public record Dossier(String id, String name) {}
