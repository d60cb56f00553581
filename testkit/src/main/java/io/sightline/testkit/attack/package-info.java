/**
 * The generator of the hub's ATT&CK catalogue ({@code server/src/main/resources/attack/}) from
 * MITRE's public ATT&CK STIX data; see {@link io.sightline.testkit.attack.AttackCatalogueGenerator}.
 */
package io.sightline.testkit.attack;
