/**
 * MITRE ATT&CK techniques read from ATT&CK's STIX data ({@link io.sightline.integrations.attack.AttackStix}:
 * a bundle, or the per-object files of MITRE's {@code cti} repository) and the compact catalogue
 * file the hub ships ({@link io.sightline.integrations.attack.AttackCatalogueFile}). No Spring here.
 */
package io.sightline.integrations.attack;
