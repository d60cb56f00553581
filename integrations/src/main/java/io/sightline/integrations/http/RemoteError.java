package io.sightline.integrations.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a server said about an error: type and message pulled from the usual JSON error shapes,
 * or the page title of an HTML error page, plus a short excerpt of the raw body.
 *
 * @param type    remote error type (Cortex/TheHive {@code type}, MISP {@code name}), may be null
 * @param message remote error message, may be null
 * @param excerpt at most {@link #MAX_EXCERPT} characters of the body, whitespace collapsed
 */
public record RemoteError(String type, String message, String excerpt) {

    public static final int MAX_EXCERPT = 300;
    private static final Pattern HTML_TITLE = Pattern.compile("<title>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public static final RemoteError NONE = new RemoteError(null, null, "");

    /** Parses an error body; never throws. Secrets are removed by the caller before this is called. */
    public static RemoteError parse(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        String excerpt = excerpt(body);
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = HttpJson.MAPPER.readTree(trimmed);
                String message = firstText(node, "message", "detail", "error_description", "error", "errors");
                String type = firstText(node, "type", "name", "code");
                if (message != null || type != null) {
                    return new RemoteError(type, message, excerpt);
                }
            } catch (JacksonException notJson) {
                // fall through: report the raw excerpt
            }
        }
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("<")) {
            Matcher title = HTML_TITLE.matcher(trimmed);
            if (title.find()) {
                return new RemoteError(null, collapse(title.group(1)), excerpt);
            }
        }
        return new RemoteError(null, null, excerpt);
    }

    /** "type: message", or the message, or the quoted excerpt. */
    public String describe() {
        if (message != null) {
            return type != null && !message.startsWith(type) ? type + ": " + message : message;
        }
        if (type != null) {
            return type;
        }
        return excerpt.isEmpty() ? "" : "'" + excerpt + "'";
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isValueNode()) {
                String text = value.asString();
                if (!text.isBlank()) {
                    return shorten(collapse(text));
                }
            } else {
                JsonNode nested = value.isArray() && !value.isEmpty() ? value.get(0) : value;
                String text = nested.isValueNode() ? nested.asString() : firstText(nested, "message", "detail");
                if (text == null) {
                    text = nested.toString();
                }
                return shorten(collapse(text));
            }
        }
        return null;
    }

    private static String excerpt(String body) {
        return shorten(collapse(body));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT) + "...";
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
