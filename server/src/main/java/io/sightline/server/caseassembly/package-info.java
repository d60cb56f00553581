/**
 * Cases assembled from several parts, as TheHive 5 creates them: {@code POST /api/v1/case} with
 * inline tasks, pages, custom field values and a case template (its prefix, fields, tags, tasks,
 * page templates and custom field defaults), all written in one transaction; and
 * {@code POST /api/v1/case/_bulk/caseTemplate}, which applies a template's chosen parts to existing
 * cases, all or nothing. It owns no table: cases, tasks, pages and custom field values are written
 * by their own packages' services, each auditing its own records.
 */
package io.sightline.server.caseassembly;
