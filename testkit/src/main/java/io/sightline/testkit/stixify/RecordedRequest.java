package io.sightline.testkit.stixify;

/**
 * A request the emulator received.
 *
 * @param method HTTP method
 * @param path decoded path, e.g. {@code /v1/dossiers/}
 * @param rawQuery query string exactly as sent (still percent-encoded), or empty
 * @param status status the emulator answered with
 */
public record RecordedRequest(String method, String path, String rawQuery, int status) {}
