package io.sightline.integrations.http;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** Removes secrets from text before it reaches an exception message or a log line. */
final class Redactor {

    private static final String MASK = "****";
    private static final Pattern SECRET_QUERY_PARAM = Pattern.compile(
            "(?i)([?&](?:api[_-]?key|apikey|key|token|access_token|auth|password|secret)=)[^&#]*");

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 3).toList();
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** The URL as it may be shown: known secrets and secret-looking query parameters masked. */
    String url(URI uri) {
        return SECRET_QUERY_PARAM.matcher(scrub(uri.toString())).replaceAll("$1" + MASK);
    }
}
