/**
 * Stixify: {@link io.sightline.integrations.stixify.StixifyClient} (dossiers, reports, report
 * objects, over the shared HTTP layer) and {@link io.sightline.integrations.stixify.DossierSync}, the
 * sync of the OpenCTI Stixify connector with its defects fixed. Delivery and persistence plug in
 * through {@link io.sightline.integrations.stixify.ReportSink} and
 * {@link io.sightline.integrations.stixify.SyncStateStore}, implemented by the standalone OpenCTI
 * connector and by the hub.
 */
package io.sightline.integrations.stixify;
