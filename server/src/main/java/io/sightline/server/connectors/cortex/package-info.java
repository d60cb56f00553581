/**
 * The Cortex connector: analyzers and responders of the configured Cortex servers, analyzer jobs
 * and responder actions stored in the database, submitted and polled by
 * {@link io.sightline.server.connectors.cortex.CortexConnector} (one polling round per server
 * covers both: {@code CortexPoller}, {@code CortexActionPoller}), and each server's health
 * reported to its {@code HealthTracker}. The web UI and
 * {@link io.sightline.server.connectors.cortex.CortexController} (TheHive's REST routes, which
 * alone read and render TheHive's JSON) share {@link io.sightline.server.connectors.cortex.CortexJobService}
 * (typed {@link io.sightline.server.connectors.cortex.NewCortexJob} in, {@code CortexJobRecord} out) and
 * {@link io.sightline.server.connectors.cortex.CortexAnalyzers} ({@code OfferedAnalyzer}s);
 * {@link io.sightline.server.connectors.cortex.AnalyzerRuns} starts every analyzer accepting each of
 * several observables ("Run all").
 * Responders: {@link io.sightline.server.connectors.cortex.CortexActionController} reads
 * {@link io.sightline.server.connectors.cortex.NewCortexAction}s for
 * {@link io.sightline.server.connectors.cortex.CortexActionService}; the object acted on is found
 * through its own service ({@code ActionObjects}) and a report's operations are applied through
 * the services as the user who ran the action ({@code ActionOperations}). Analyzer jobs are also
 * a {@code QuerySource} ({@code listJob}). Guide: {@code docs/cortex.md}.
 */
package io.sightline.server.connectors.cortex;
