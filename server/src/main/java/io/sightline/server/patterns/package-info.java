/**
 * The MITRE ATT&CK catalogue, platform-wide: the {@code attack_pattern} table, filled at start from
 * the catalogue shipped in the jar ({@code attack/enterprise-techniques.tsv}) when empty, refreshed by
 * an admin from an uploaded ATT&CK STIX bundle, and TheHive's pattern routes. Procedures (in
 * {@code procedures}) name a pattern by its ATT&CK id. Query steps: listPattern, getPattern.
 */
package io.sightline.server.patterns;
