/**
 * Case archives (TheHive 5's ".thar"): a case with its tasks, logs, comments, observables and their
 * files, procedures, pages and custom field values, written to one password-protected file
 * ({@code GET /api/v1/case/{id}/export?password=}) and read back as a new case of the caller's
 * organisation ({@code POST /api/v1/case/import}), all or nothing.
 *
 * <p>{@link io.sightline.server.casearchive.ArchiveSeal} encrypts and authenticates the bytes,
 * {@link io.sightline.server.casearchive.ArchiveWriter} and {@link io.sightline.server.casearchive.ArchiveReader}
 * stream the zip inside, {@link io.sightline.server.casearchive.CaseArchiveService} reads and
 * writes the records through their own services.
 */
package io.sightline.server.casearchive;
