/**
 * Alerts: their table ({@code AlertRepository} one at a time, {@link io.sightline.server.alerts.AlertBatchInsert}
 * many at once on PostgreSQL, for importing connectors, whose alerts {@link io.sightline.server.alerts.ImportedAlertAudit}
 * audits), service and TheHive v1 routes, including
 * the observables of an alert, promotion of an alert to a case and its merge into an existing case.
 * What else an import carries to the case (comments, procedures, custom field values) is added by
 * {@link io.sightline.server.alerts.AlertCarryOver} beans, so that the packages owning those records
 * (which know alerts) need not be known here; the custom field values' one lives here.
 * {@link io.sightline.server.alerts.AlertBulkService} applies one action to many alerts alert by
 * alert, each through the service's rules in its own transaction, for the UI's bulk actions.
 */
package io.sightline.server.alerts;
