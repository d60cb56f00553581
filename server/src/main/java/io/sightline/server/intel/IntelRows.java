package io.sightline.server.intel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row writes of the intel store for one batch of objects, per database: PostgreSQL passes a
 * batch as arrays in one statement per table ({@link PostgresIntelRows}), other databases (H2) use
 * JDBC batches ({@link PortableIntelRows}).
 */
interface IntelRows {

    /** What the store holds for an id: its row and its version. */
    record Stored(long id, Long versionUs) {}

    /** One observable value of a stored object. */
    record ValueRow(long objectRef, IntelValue value) {}

    /** Called once at the start of each report's transaction. */
    default void beginReport() {}

    Map<String, Stored> findByStixIds(Collection<String> stixIds);

    /**
     * Inserts objects whose ids were not stored when looked up, and returns the rows this call
     * created by STIX id. An id that another transaction stored meanwhile is left out of the answer
     * where the database can skip it (PostgreSQL); elsewhere the insert fails on the unique id.
     */
    Map<String, Long> insertObjects(List<IntelObject> objects, long now);

    /**
     * Replaces stored objects ({@code ids}, aligned with {@code objects}) by newer versions. The
     * version guard keeps a newer row written meanwhile; returns the ids of the rows replaced.
     */
    Set<Long> updateObjects(List<Long> ids, List<IntelObject> objects, long now);

    /** Removes the values of objects whose version was replaced. */
    void deleteValues(Collection<Long> objectRefs);

    void insertValues(List<ValueRow> rows);

    /** Which of the objects are already linked to the report. */
    Set<Long> linkedObjects(long reportRef, Collection<Long> objectRefs);

    void insertLinks(long reportRef, Collection<Long> objectRefs);
}
