package io.sightline.server.connectors.misp;

import java.util.List;

/** Writes a batch of imported observables; one implementation per database family. */
interface ObservableBatchWriter {

    /**
     * Inserts new observables into the alert and refreshes existing ones (message, TLP, ioc, mark);
     * tags are added, never removed. The batch holds each (dataType, dataKey) once.
     */
    void upsertIntoAlert(long orgId, long alertId, List<ImportedObservable> batch, long mark, String actor, long now);

    /** Adds to a case the observables it lacks; existing case observables are left untouched. */
    void addToCase(long orgId, long caseId, List<ImportedObservable> batch, String actor, long now);
}
