package io.sightline.server.observables;

import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import java.util.List;

/**
 * Changes to an observable: a {@code null} field is left as it is; the message can also be
 * cleared. Data type and value never change.
 */
public record ObservableChanges(Change<String> message, Tlp tlp, Pap pap, Boolean ioc, Boolean sighted,
                                Boolean ignoreSimilarity, Long startDate, List<String> tags) {}
