package io.sightline.server.intel;

import java.util.List;

/**
 * One STIX object ready to be stored.
 *
 * @param stixId the STIX id ({@code type--uuid})
 * @param type the STIX type
 * @param name {@code name} when the object has one, bounded in length
 * @param description {@code description} when present, bounded in length (the full text is in the raw JSON)
 * @param createdAt {@code created} in epoch milliseconds, or null
 * @param modifiedAt {@code modified} in epoch milliseconds, or null
 * @param versionUs the version ({@code modified}, else {@code created}) in epoch microseconds; null when unversioned
 * @param revoked the object's {@code revoked} flag
 * @param rawJson the object as received, or null when it is larger than the configured limit
 * @param rawChars length of the object's JSON, kept or not
 * @param values observable values of the object
 */
record IntelObject(String stixId, String type, String name, String description, Long createdAt, Long modifiedAt,
                          Long versionUs, boolean revoked, String rawJson, int rawChars, List<IntelValue> values) {

    /** Compares two versions; an unversioned object is older than any versioned one. */
    public static int compareVersions(Long a, Long b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return Long.compare(a, b);
    }
}
