/**
 * Observables of cases and alerts: the {@code observable} table, whose only writer this package
 * is ({@link io.sightline.server.observables.ObservableStore} inserts, one value for the API or
 * typed {@link io.sightline.server.observables.ObservableBatch} commands for importing connectors,
 * PostgreSQL set-based or portable; {@code ObservableRepository} reads, changes and removes), the
 * service with its audit entries, the TheHive v1 routes of case observables, and their "seen in
 * intel" ({@link io.sightline.server.observables.ObservableIntel}). Tables page through a case's or
 * alert's observables with {@link io.sightline.server.observables.ObservableListQuery} (filters, sort,
 * page; counts per type in {@link io.sightline.server.observables.ObservablePage});
 * {@link io.sightline.server.observables.ObservableBulkService} applies one action to a selection,
 * each observable through the service and reported in a {@link io.sightline.server.observables.BulkOutcome}.
 * The reverse of "seen in intel", the cases and alerts of an organisation carrying the values of an
 * intel report or dossier, is {@link io.sightline.server.observables.IntelMatches}. Similarity
 * between cases and alerts (TheHive's "linked cases", the similar observables of two records) is
 * {@link io.sightline.server.observables.SimilarObservables}, and merging a case's observables that
 * differ only in letter case {@link io.sightline.server.observables.SimilarObservableMerge}; a case
 * merge moves a case's observables, ids kept, with {@link io.sightline.server.observables.ObservableMove}.
 * Both fold an observable into another of its case through {@code ObservableAbsorption}.
 */
package io.sightline.server.observables;
