package io.sightline.server.cases;

import io.sightline.server.auth.Principal;
import java.util.List;

/**
 * State a package outside the merge keeps per case and hands to the merged case, so that a merge
 * loses it no more than it loses the case's records (a MISP export's link to its event, say).
 * Called by {@code casemerge} in the merge's transaction, as the caller of the merge, after the
 * merged case exists and before the originals are deleted: whatever is not handed over goes with them.
 */
public interface MergedCaseHandover {
    /** Hands the originals' state, in the merge's order (the first wins a conflict), to the merged case. */
    void handOver(Principal p, List<Long> originalIds, long mergedId);
}
