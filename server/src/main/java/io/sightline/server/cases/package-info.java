/**
 * Cases: their table (and PostgreSQL's one-statement insert), life cycle ({@link
 * io.sightline.server.cases.CaseStatus}: TheHive 5's statuses and TheHive 4's Resolved), custom
 * field values (kept by {@code customfields}), service and TheHive v1 routes. Creating a case with
 * a template, tasks and pages is {@code caseassembly}'s route. Observables of a case are in
 * {@code observables}, which depends on this package.
 */
package io.sightline.server.cases;
