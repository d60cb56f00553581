package io.sightline.server.observables;

import io.sightline.server.auth.Principal;
import io.sightline.server.intel.IntelView;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One observable as {@code GET /api/v1/observable/{id}?details=seen} shows it: TheHive's fields, the
 * other cases holding the value ({@code seenIn}, counted in {@code extraData.seen}) and the intel
 * reports naming it ({@code seenInIntel}). Without {@code details}, the route, the answer to adding
 * observables and the query steps show TheHive's fields only ({@link ObservableView#of}): thehive4py
 * expects a created observable to be read back as it was answered.
 */
@Component
public class ObservableDetails {
    private final ObservableService observables;
    private final ObservableIntel intel;

    public ObservableDetails(ObservableService observables, ObservableIntel intel) {
        this.observables = observables;
        this.intel = intel;
    }

    public Map<String, Object> of(Principal p, ObservableRecord o) {
        Map<String, Object> out = ObservableView.withSeenIn(o, observables.seenIn(p, o));
        out.put("seenInIntel", IntelView.sightings(intel.seenIn(o)));
        return out;
    }
}
