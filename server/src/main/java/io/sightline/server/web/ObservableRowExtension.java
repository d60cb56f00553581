package io.sightline.server.web;

import io.sightline.server.auth.Principal;
import io.sightline.server.observables.ObservableRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills one slot of each observable row on the case and alert pages with data from another part
 * of the hub. A Spring bean implementing this is picked up automatically; the slot's fragment in
 * {@code templates/observables/slots.html} renders {@code row.extras[slot]} and shows its empty
 * state while no extension provides the slot.
 *
 * <p>Slots: {@link #INTEL} (matches in the intel store), {@link #ANALYZERS} (analyzers that accept
 * the observable's type, with the status of their last jobs).
 */
public interface ObservableRowExtension {
    String INTEL = "intel";
    String ANALYZERS = "analyzers";

    /** The slot this extension fills. */
    String slot();

    /** What the slot's fragment renders for this observable; null when there is nothing to show. */
    Object data(Principal principal, ObservableRecord observable);

    /**
     * {@link #data} of a page of rows, by observable id; an extension that can read them all at once
     * (one query instead of one per row) overrides it.
     */
    default Map<Long, Object> data(Principal principal, List<ObservableRecord> observables) {
        Map<Long, Object> out = new HashMap<>();
        for (ObservableRecord o : observables) {
            Object data = data(principal, o);
            if (data != null) out.put(o.id(), data);
        }
        return out;
    }
}
