/**
 * The Stixify dossier sync as a hub connector: one partition per dossier, reports into the intel
 * store and optionally OpenCTI. Its health adds a sync summary to the tracker's
 * ({@link io.sightline.server.connectors.stixify.StixifyHubConnector#currentHealth()}): the
 * stalest dossier's lag, the latest dossier error and the reports failing or set aside, read from
 * the dossiers' checkpoints. Guide: {@code docs/stixify.md}.
 */
package io.sightline.server.connectors.stixify;
