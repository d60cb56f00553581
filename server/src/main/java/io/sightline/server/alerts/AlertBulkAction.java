package io.sightline.server.alerts;

import io.sightline.server.core.Invalid;
import java.util.Locale;

/** What an analyst may do to several alerts at once from the alert list. */
public enum AlertBulkAction {
    IGNORE, PROMOTE, MERGE, DELETE;

    /** The action named in a form ("ignore", "promote", "merge", "delete"). */
    public static AlertBulkAction parse(String name) {
        if (name != null) {
            for (AlertBulkAction a : values()) if (a.name().equalsIgnoreCase(name.trim())) return a;
        }
        throw new Invalid("Unknown bulk action '" + name + "'; use one of ignore, promote, merge, delete");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
