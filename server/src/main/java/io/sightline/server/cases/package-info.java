/**
 * Cases: their table (and PostgreSQL's one-statement insert), life cycle, service and TheHive v1
 * routes. Observables of a case are in {@code observables}, which depends on this package.
 */
package io.sightline.server.cases;
