/**
 * The MISP connector: {@link io.sightline.server.connectors.misp.MispConnector} (registration with
 * the connector runtime, one import partition per server, health reported to its
 * {@code HealthTracker}, which the status package renders) and {@link io.sightline.server.connectors.misp.MispSettings} (the
 * {@code misp} configuration block). The work lives below:
 * <ul>
 *   <li>{@code importing}: MISP events into alerts; the flow starts at {@code importing.ServerImport#run};</li>
 *   <li>{@code exporting}: a case into a MISP event; starts at {@code exporting.MispExportService#export};</li>
 *   <li>{@code web}: TheHive's MISP REST routes. The UI pages for MISP are in the hub's top-level {@code web} package.</li>
 * </ul>
 * Dependencies point one way: {@code web} and {@code exporting} use this package, this package uses
 * {@code importing}, and {@code importing} uses none of them.
 */
package io.sightline.server.connectors.misp;
