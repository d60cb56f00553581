package io.sightline.server.web;

import io.sightline.server.auth.Principal;
import io.sightline.server.observables.ObservableIntel;
import io.sightline.server.observables.ObservableRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Fills the "Seen in intel" slot: the intel store's reports and dossiers carrying the observable's value. */
@Component
public class IntelRowExtension implements ObservableRowExtension {
    private final ObservableIntel intel;

    public IntelRowExtension(ObservableIntel intel) {
        this.intel = intel;
    }

    @Override
    public String slot() {
        return INTEL;
    }

    @Override
    public Object data(Principal principal, ObservableRecord observable) {
        return intel.seenIn(observable);
    }

    /** A page of rows with one query, not one per row. */
    @Override
    public Map<Long, Object> data(Principal principal, List<ObservableRecord> observables) {
        return new HashMap<>(intel.seenIn(observables));
    }
}
