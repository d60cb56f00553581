/**
 * Cases: their table (and PostgreSQL's one-statement insert), life cycle ({@link
 * io.sightline.server.cases.CaseStatus}: TheHive 5's statuses and TheHive 4's Resolved), custom
 * field values (kept by {@code customfields}), service and TheHive v1 routes. Creating a case with
 * a template, tasks and pages is {@code caseassembly}'s route. Observables of a case are in
 * {@code observables}, which depends on this package. Who sees a case is one rule, {@link
 * io.sightline.server.cases.CaseVisibility} (the organisation, narrowed to the users a restricted
 * case names in {@code case_access_user}, and in {@code deleted_case_access} once deleted, for its
 * audit entries), which the packages of records below cases apply too; access, owner and share
 * changes are {@link io.sightline.server.cases.CaseAccessService}'s. A merge hands a case's state
 * kept elsewhere to the merged case through {@link io.sightline.server.cases.MergedCaseHandover}.
 */
package io.sightline.server.cases;
