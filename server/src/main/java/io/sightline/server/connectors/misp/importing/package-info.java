/**
 * MISP events into alerts (and into the cases those alerts were imported into). The flow of one
 * server's run starts at {@link io.sightline.server.connectors.misp.importing.ServerImport#run}:
 * <ol>
 *   <li>{@link io.sightline.server.connectors.misp.importing.EventFetcher} takes the events the
 *       search lists, a page at a time, skips those the hub already has, and fetches the others;</li>
 *   <li>{@link io.sightline.server.connectors.misp.importing.EventReader} maps one event's
 *       attributes into chunks of observables;</li>
 *   <li>{@link io.sightline.server.connectors.misp.importing.ImportPipeline} hands the chunks to
 *       writer threads, in transactions;</li>
 *   <li>{@link io.sightline.server.connectors.misp.importing.ImportWriter} writes each transaction
 *       through {@link io.sightline.server.connectors.misp.importing.MispImportStore}: alerts and
 *       their MISP links here ({@code PostgresAlertWriter} set-based on PostgreSQL), observables
 *       through {@code observables.ObservableStore}'s batch commands, which also audit those
 *       added to cases.</li>
 * </ol>
 * The checkpoint only moves over the longest prefix of complete work
 * ({@link io.sightline.server.connectors.misp.importing.CompletedPrefix}). Only
 * {@code ServerImport} and {@code MispImportStore} are public, for the connector that builds them.
 */
package io.sightline.server.connectors.misp.importing;
