package io.sightline.testkit.stixify;

import java.time.Instant;

/**
 * A dossier of the emulator.
 *
 * @param id dossier UUID
 * @param name display name
 * @param visible whether the API key's team can see it (an invisible dossier is not listed and 404s)
 * @param created creation time shown in the listing
 */
public record EmulatedDossier(String id, String name, boolean visible, Instant created) {}
