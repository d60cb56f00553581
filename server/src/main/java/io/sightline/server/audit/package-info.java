/**
 * The audit trail: the only writer and reader of {@code audit_log}, called inside the transaction
 * of each change. It knows a caller only as an {@link io.sightline.server.audit.Actor} (organisation
 * and login), so it sits below {@code auth}; the {@code /api/v1/audit} route is {@code auth.AuditController}.
 */
package io.sightline.server.audit;
