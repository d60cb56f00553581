package io.sightline.server.observables;

/** The bulk writes of {@link ObservableStore}; one implementation per database family. */
interface ObservableBatchWriter {

    void upsertIntoAlerts(ObservableBatch.IntoAlerts command);

    /** Audits each observable added ({@link CaseObservableAudit}). */
    void addToCase(ObservableBatch.IntoCase command);
}
