/**
 * Merging cases (TheHive 5's {@code POST /api/v1/case/_merge/{ids}}): one new case gathering
 * everything the originals held (observables with their analyzer jobs and responder actions, a
 * value held by several once, tasks with their logs, comments, pages, procedures, custom field
 * values, custom timeline events, alerts, attached files, case links both ways, and their
 * restriction), the records moved with their ids, the originals removed. It sits above the packages
 * it combines and owns no table: every write goes through their services, each moving its own rows
 * and auditing them.
 */
package io.sightline.server.casemerge;
