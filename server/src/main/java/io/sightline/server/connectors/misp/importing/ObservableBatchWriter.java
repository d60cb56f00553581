package io.sightline.server.connectors.misp.importing;

import java.util.List;

/** Writes batches of imported observables; one implementation per database family. */
interface ObservableBatchWriter {

    /**
     * The observables of one event's chunk for one alert.
     *
     * @param mark  the import's mark, stored in {@code misp_sync}
     * @param fresh the alert was created in this transaction and has no observables yet, so no row
     *              or tag can conflict (a plain insert suffices)
     */
    record AlertBatch(long orgId, long alertId, long mark, boolean fresh, List<ImportedObservable> observables) {}

    /**
     * Inserts new observables into their alerts and refreshes existing ones (message, TLP, ioc,
     * mark); tags are added, never removed. Each batch holds each (dataType, dataKey) once, and
     * no two batches are for the same alert.
     */
    void upsertIntoAlerts(List<AlertBatch> batches, String actor, long now);

    /**
     * Adds to a case the observables it lacks, each with its audit entry ({@link CaseObservableAudit});
     * existing case observables are left untouched.
     */
    void addToCase(long orgId, long caseId, List<ImportedObservable> batch, String actor, long now);
}
