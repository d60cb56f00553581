/**
 * Procedures (TTPs) of cases and alerts: an ATT&CK pattern (from {@code patterns}) seen at a date,
 * with the tactic it served. Owns the {@code procedure_record} table, the service with its audit
 * entries, TheHive 5's procedure routes, the case's patterns ({@code /api/v1/pattern/case/{id}}) and the query
 * steps listProcedure, getProcedure and procedures (from a case or an alert); an imported alert's
 * procedures are copied onto its case (an {@link io.sightline.server.alerts.AlertCarryOver});
 * those an import adds are written and audited by {@link io.sightline.server.procedures.ImportedProcedures}.
 */
package io.sightline.server.procedures;
