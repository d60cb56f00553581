package io.sightline.server.casemerge;

import java.util.List;

/**
 * State a package outside the merge keeps per case and hands to the merged case, so that a merge
 * loses it no more than it loses the case's records (a MISP export's link to its event, say).
 * Called in the merge's transaction, after the merged case exists and before the originals are
 * deleted: whatever is not handed over goes with them.
 */
public interface MergedCaseHandover {
    /** Hands the originals' state, in the merge's order (the first wins a conflict), to the merged case. */
    void handOver(List<Long> originalIds, long mergedId);
}
