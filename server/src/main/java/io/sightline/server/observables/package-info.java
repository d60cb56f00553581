/**
 * Observables of cases and alerts: the {@code observable} table, its writers (PostgreSQL and
 * portable), the service with its audit entries, the TheHive v1 routes of case observables, and
 * their "seen in intel" ({@link io.sightline.server.observables.ObservableIntel}).
 */
package io.sightline.server.observables;
