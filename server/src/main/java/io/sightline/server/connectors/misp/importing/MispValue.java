package io.sightline.server.connectors.misp.importing;

import io.sightline.server.common.ObservableTypes;

/**
 * The hub's form of a mapped MISP value, as every MISP import keeps it: normalised for its type;
 * a value the type's checks refuse is kept as {@code other}, and one over 64 KiB is cut.
 */
record MispValue(String dataType, String data, boolean keptAsOther, boolean cut) {
    static final int MAX_LENGTH = 65_536;

    static MispValue of(ObservableTypes types, String dataType, String raw) {
        String data;
        boolean other = false;
        try {
            data = types.normalise(dataType, raw);
        } catch (RuntimeException refused) {
            dataType = "other";
            data = raw.strip();
            other = true;
        }
        boolean cut = data.length() > MAX_LENGTH;
        return new MispValue(dataType, cut ? data.substring(0, MAX_LENGTH) : data, other, cut);
    }
}
