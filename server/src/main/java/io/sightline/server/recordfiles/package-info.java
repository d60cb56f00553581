/**
 * Files attached to a case, an alert or an organisation itself (TheHive 5's attachments routes):
 * the {@code record_file} table, which links each stored {@code attachments.Attachment} to the
 * one record it belongs to, the rules (the record's permission and organisation), the audit,
 * the routes and the {@code attachments} query steps. The files themselves are kept by
 * {@code attachments.AttachmentStore}.
 */
package io.sightline.server.recordfiles;
