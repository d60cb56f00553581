package io.sightline.server.intel;

/**
 * An object of the intel store carrying a looked-up value, with one report and dossier it came from.
 *
 * @param modified the object's {@code modified} in epoch milliseconds, or null for unversioned objects
 * @param reportRef the report's row in the store, the id of its page in the web UI
 */
public record IntelSighting(String stixId, String type, String name, boolean revoked, Long modified, String source,
                            String reportId, String reportName, String dossierId, String dossierName, long reportRef) {}
