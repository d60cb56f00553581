/**
 * The MISP connector: events imported as alerts (one partition per server), cases exported as
 * events, TheHive's MISP routes ({@link io.sightline.server.connectors.misp.MispController}) and
 * each server's health reported to its {@code HealthTracker}; the status package renders it.
 * Guide: {@code docs/misp.md}.
 */
package io.sightline.server.connectors.misp;
