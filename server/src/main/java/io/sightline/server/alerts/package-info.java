/**
 * Alerts: their table ({@code AlertRepository} one at a time, {@link io.sightline.server.alerts.AlertBatchInsert}
 * many at once on PostgreSQL, for importing connectors), service and TheHive v1 routes, including
 * the observables of an alert, promotion of an alert to a case and its merge into an existing case.
 */
package io.sightline.server.alerts;
