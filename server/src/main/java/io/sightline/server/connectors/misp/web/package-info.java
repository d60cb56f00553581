/**
 * TheHive's MISP REST routes ({@code _syncAlerts}, export, status, a case's exports), on the
 * connector and the export service. The MISP pages of the UI are in the hub's top-level {@code web} package.
 */
package io.sightline.server.connectors.misp.web;
