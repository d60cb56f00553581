package io.sightline.server.query;

import io.sightline.server.auth.Principal;
import java.util.List;
import java.util.Map;

/**
 * A value a page step can ask for by name ({@code "extraData": ["observableStats"]}), computed
 * for a whole page of records at once and put under each view's {@code extraData}.
 */
@FunctionalInterface
public interface QueryExtraData {
    /**
     * The value for each of these record ids (all visible to the caller); a missing id gets none.
     * What the value names of other records must be what the caller sees too.
     */
    Map<Long, ?> of(Principal caller, List<Long> ids);
}
