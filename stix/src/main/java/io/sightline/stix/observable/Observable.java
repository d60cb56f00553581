package io.sightline.stix.observable;

import java.util.Objects;

/**
 * An observable value as Sightline (and TheHive) types it: a {@code dataType} such as {@code ip},
 * {@code domain}, {@code url}, {@code mail}, {@code hash}, {@code filename},
 * {@code autonomous-system}, {@code registry}, {@code user-agent} or {@code other}, and the value
 * as written in the STIX content (hashes lowercased, so lookups need not care).
 */
public record Observable(String dataType, String value) {
    public static final String IP = "ip";
    public static final String DOMAIN = "domain";
    public static final String URL = "url";
    public static final String MAIL = "mail";
    public static final String HASH = "hash";
    public static final String FILENAME = "filename";
    public static final String AUTONOMOUS_SYSTEM = "autonomous-system";
    public static final String REGISTRY = "registry";
    public static final String USER_AGENT = "user-agent";
    public static final String OTHER = "other";

    public Observable {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(value, "value");
    }
}
