/**
 * The Cortex connector: analyzers of the configured Cortex servers, jobs stored in the database,
 * submitted and polled by {@link io.sightline.server.connectors.cortex.CortexConnector}, and each
 * server's health reported to its {@code HealthTracker}. The web UI and
 * {@link io.sightline.server.connectors.cortex.CortexController} (TheHive's REST routes, which
 * alone read and render TheHive's JSON) share {@link io.sightline.server.connectors.cortex.CortexJobService}
 * (typed {@link io.sightline.server.connectors.cortex.NewCortexJob} in, {@code CortexJobRecord} out) and
 * {@link io.sightline.server.connectors.cortex.CortexAnalyzers} ({@code OfferedAnalyzer}s);
 * {@link io.sightline.server.connectors.cortex.AnalyzerRuns} starts every analyzer accepting each of
 * several observables ("Run all"). Guide: {@code docs/cortex.md}.
 */
package io.sightline.server.connectors.cortex;
