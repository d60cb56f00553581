/**
 * Between MISP's records and the hub's: the mapping tables (MISP type ↔ data type), an event into
 * an alert draft and its attributes into observable drafts
 * ({@link io.sightline.integrations.misp.mapping.MispAlertMapper}), a case into an event and the
 * attributes to add and remove on re-export
 * ({@link io.sightline.integrations.misp.mapping.MispExportMapper},
 * {@link io.sightline.integrations.misp.mapping.MispExportPlan}), and ATT&CK techniques as MISP galaxy tags both ways
 * ({@link io.sightline.integrations.misp.mapping.MispGalaxy}).
 */
package io.sightline.integrations.misp.mapping;
