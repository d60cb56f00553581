/**
 * The Cortex connector: analyzers of the configured Cortex servers, jobs stored in the database,
 * submitted and polled by {@link io.sightline.server.connectors.cortex.CortexConnector}, and each
 * server's health reported to its {@code HealthTracker}. {@link io.sightline.server.connectors.cortex.CortexJobs}
 * is the service the web UI and {@link io.sightline.server.connectors.cortex.CortexController}
 * (TheHive's REST routes) share. Guide: {@code docs/cortex.md}.
 */
package io.sightline.server.connectors.cortex;
