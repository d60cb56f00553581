/**
 * A case into a MISP event (TheHive's "Share → MISP"): starts at
 * {@link io.sightline.server.connectors.misp.exporting.MispExportService#export}; the link between
 * a case and its events is kept by {@link io.sightline.server.connectors.misp.exporting.MispExportStore},
 * and a merged case keeps its originals' events through {@link io.sightline.server.connectors.misp.exporting.MispExportHandover}.
 */
package io.sightline.server.connectors.misp.exporting;
