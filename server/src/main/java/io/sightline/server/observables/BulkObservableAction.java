package io.sightline.server.observables;

import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import java.util.List;

/**
 * One change made to each of several observables chosen in a table.
 *
 * @param tags the tags to add ({@link Kind#ADD_TAGS} only)
 * @param tlp  the new TLP ({@link Kind#SET_TLP} only)
 */
public record BulkObservableAction(Kind kind, List<String> tags, Tlp tlp) {
    public enum Kind { IOC_ON, IOC_OFF, ADD_TAGS, SET_TLP, DELETE }

    public BulkObservableAction {
        if (kind == null) throw new Invalid("Choose an action");
        if (kind == Kind.ADD_TAGS && (tags == null || tags.isEmpty())) throw new Invalid("Enter the tags to add");
        if (kind == Kind.SET_TLP && tlp == null) throw new Invalid("Choose the TLP to set");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
