package io.sightline.server.observables;

import io.sightline.server.auth.Principal;
import java.util.Map;

/**
 * A package that keeps rows about observables (analyzer jobs, responder actions) and re-points
 * them when an observable is absorbed by another of its case (a case merge, a merge of similar
 * observables), so that they follow the value instead of going with the deleted observable.
 * Called in the absorbing transaction, before the absorbed observables are deleted.
 */
public interface AbsorbedObservables {
    /** {@code keptByAbsorbed}: each absorbed observable's id to the id of the one absorbing it, in case {@code caseId}. */
    void absorbed(Principal p, Map<Long, Long> keptByAbsorbed, long caseId);
}
