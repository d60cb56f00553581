/**
 * Procedures (TTPs) of cases and alerts: an ATT&CK pattern (from {@code patterns}) seen at a date,
 * with the tactic it served. Owns the {@code procedure_record} table, the service with its audit
 * entries, TheHive 5's procedure routes and the case's patterns ({@code /api/v1/pattern/case/{id}}).
 */
package io.sightline.server.procedures;
