/**
 * The audit trail: the only writer and reader of {@code audit_log}, called inside the transaction
 * of each change. It knows a caller only as an {@link io.sightline.server.audit.Actor} (organisation
 * and login), so it sits below {@code auth}; the {@code /api/v1/audit} route is {@code auth.AuditController}.
 * <p>
 * The rule: no SQL naming {@code audit_log} or its columns, and no rendering of an entry, outside
 * this package. One entry is written by {@link io.sightline.server.audit.AuditLog#record}, many of
 * one action by {@link io.sightline.server.audit.AuditBatch}; a writer that creates its record and
 * the entry in one statement (PostgreSQL's data-modifying CTEs) embeds the CTE that
 * {@link io.sightline.server.audit.EmbeddedAuditEntry} gives it and lets it bind the parameters.
 * <p>
 * Reading: {@link io.sightline.server.audit.AuditLog#search} for the API, {@code ofRecords} for one
 * history (a case with its observables and analyzer jobs), both leaving out the entries about a case
 * hidden from the reader: each entry keeps the case it is about ({@code case_id}, found when it is
 * written by {@code EntryCases}) and a case it names ({@code named_case_id}), and the rule is the
 * {@link io.sightline.server.audit.CaseRule} bean of {@code cases}; and {@link io.sightline.server.audit.AuditSentences},
 * the one place that tells an entry as a readable sentence, which the UI's history views show.
 */
package io.sightline.server.audit;
