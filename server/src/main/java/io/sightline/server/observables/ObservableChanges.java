package io.sightline.server.observables;

import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import java.util.List;

/**
 * Changes to an observable: a {@code null} field is left as it is; the message can also be
 * cleared. The data type may change (TheHive allows it) when the value fits the new type; the
 * value itself never changes.
 */
public record ObservableChanges(Change<String> message, Tlp tlp, Pap pap, Boolean ioc, Boolean sighted,
                                Boolean ignoreSimilarity, Long startDate, List<String> tags, String dataType) {

    /** Changes that keep the data type. */
    public ObservableChanges(Change<String> message, Tlp tlp, Pap pap, Boolean ioc, Boolean sighted,
                             Boolean ignoreSimilarity, Long startDate, List<String> tags) {
        this(message, tlp, pap, ioc, sighted, ignoreSimilarity, startDate, tags, null);
    }
}
