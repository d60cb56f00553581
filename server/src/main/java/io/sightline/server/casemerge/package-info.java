/**
 * Merging cases (TheHive 5's {@code POST /api/v1/case/_merge/{ids}}): one new case gathering the
 * observables, tasks, alerts and attached files of all, the originals removed. It sits above the
 * aggregates it combines (cases, alerts, observables, tasks, recordfiles) and owns no table: every write goes through their
 * services, each audited there.
 */
package io.sightline.server.casemerge;
