package io.sightline.server.intel;

/**
 * An observable value carried by a STIX object, normalised as case observables are.
 *
 * @param dataType Sightline data type (ip, domain, url, mail, hash, filename, ...)
 * @param data the normalised value
 * @param dataKey SHA-256 (hex) of {@code data}, the indexed lookup key, as {@code observable.data_key}
 */
public record IntelValue(String dataType, String data, String dataKey) {}
