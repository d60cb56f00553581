package io.sightline.server.intel;

/**
 * A value as the intel store keys it: its intel data type and the SHA-256 (hex) of its normalised
 * value, as {@code intel_value (data_type, data_key)}.
 */
public record IntelKey(String dataType, String dataKey) {}
