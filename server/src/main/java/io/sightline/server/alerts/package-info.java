/**
 * Alerts: their table, service and TheHive v1 routes, including the observables of an alert,
 * promotion of an alert to a case and its merge into an existing case.
 */
package io.sightline.server.alerts;
