package io.sightline.server.web;

import io.sightline.server.cases.CaseRecord;
import io.sightline.server.common.Tlp;
import java.util.Map;

/**
 * What the add-observable form shows: empty with the case's TLP for a new entry, or as the
 * analyst typed it when it was refused, so nothing typed is lost.
 *
 * @param tlp the TLP's label ({@code AMBER+STRICT}…)
 */
public record ObservableForm(String dataType, String tlp, boolean ioc, boolean sighted, String data, String tags,
                             String message) {

    /** A new entry: nothing typed, the case's TLP. */
    static ObservableForm forCase(CaseRecord c) {
        return new ObservableForm(null, Tlp.of(c.tlp()).label(), false, false, "", "", "");
    }

    /** The form as posted. */
    static ObservableForm of(Map<String, String> form) {
        return new ObservableForm(form.get("dataType"), form.get("tlp"), form.containsKey("ioc"), form.containsKey("sighted"),
                form.getOrDefault("data", ""), form.getOrDefault("tags", ""), form.getOrDefault("message", ""));
    }

    /** After an accepted entry: the type and TLP kept for the next one, the rest cleared. */
    ObservableForm next() {
        return new ObservableForm(dataType, tlp, false, false, "", "", "");
    }
}
