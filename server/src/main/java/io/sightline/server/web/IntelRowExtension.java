package io.sightline.server.web;

import io.sightline.server.auth.Principal;
import io.sightline.server.observables.ObservableIntel;
import io.sightline.server.observables.ObservableRecord;
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
}
