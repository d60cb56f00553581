/**
 * Observables of cases and alerts: the {@code observable} table, whose only writer this package
 * is ({@link io.sightline.server.observables.ObservableStore} inserts, one value for the API or
 * typed {@link io.sightline.server.observables.ObservableBatch} commands for importing connectors,
 * PostgreSQL set-based or portable; {@code ObservableRepository} reads, changes and removes), the
 * service with its audit entries, the TheHive v1 routes of case observables, and their "seen in
 * intel" ({@link io.sightline.server.observables.ObservableIntel}) with its reverse, the cases and
 * alerts of an organisation carrying the values of an intel report or dossier
 * ({@link io.sightline.server.observables.IntelMatches}).
 */
package io.sightline.server.observables;
