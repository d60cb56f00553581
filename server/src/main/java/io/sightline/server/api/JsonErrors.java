package io.sightline.server.api;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's parse failures into one-line messages that say what and where. */
final class JsonErrors {
    private JsonErrors() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + u.getPropertyName() + "'";
        }
        if (cause instanceof MismatchedInputException m) {
            return "Invalid value for field '" + path(m) + "': " + firstLine(m.getOriginalMessage());
        }
        if (cause instanceof StreamReadException s) {
            var loc = s.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return "Malformed JSON" + where + ": " + firstLine(s.getOriginalMessage());
        }
        if (cause instanceof JacksonException j) {
            return "Invalid JSON: " + firstLine(j.getOriginalMessage());
        }
        String message = e.getMessage();
        if (message != null && message.startsWith("Required request body is missing")) {
            return "A JSON request body is required";
        }
        return "Invalid request body: " + firstLine(message);
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(root)" : out.toString();
    }

    /** First line of a parser message, without Jackson's internal source description. */
    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "").replaceAll("\\s*at \\[Source:.*$", "");
    }
}
