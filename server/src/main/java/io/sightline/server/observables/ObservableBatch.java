package io.sightline.server.observables;

import java.util.List;

/** The bulk writes {@link ObservableStore} takes from importing connectors, one record per kind. */
public final class ObservableBatch {
    private ObservableBatch() {}

    /**
     * The observables of one event's chunk for one alert.
     *
     * @param mark  the import's mark, stored in {@code misp_sync}: the alert's imported
     *              observables not carrying it when the event ends are removed
     * @param fresh the alert was created in this transaction and has no observables yet, so no row
     *              or tag can conflict (a plain insert suffices)
     */
    public record AlertChunk(long orgId, long alertId, long mark, boolean fresh, List<ImportedObservable> observables) {}

    /**
     * Inserts new observables into their alerts and refreshes existing ones (message, TLP, ioc,
     * mark); tags are added, never removed. Each chunk holds each (dataType, dataKey) once, and no
     * two chunks are for the same alert.
     */
    public record IntoAlerts(List<AlertChunk> chunks, String actor, long now) {}

    /**
     * Adds to a case the observables it lacks, each with its audit entry by {@code actor};
     * observables the case already holds are left untouched.
     */
    public record IntoCase(long orgId, long caseId, List<ImportedObservable> observables, String actor, long now) {}
}
