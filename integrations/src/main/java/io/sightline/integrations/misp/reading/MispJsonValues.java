package io.sightline.integrations.misp.reading;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/**
 * Lenient readers for MISP's JSON scalars: MISP sends ids and numbers as strings, booleans
 * sometimes as {@code "1"}/{@code "0"}. Each method expects the parser on the value token.
 */
final class MispJsonValues {

    private MispJsonValues() {
    }

    static String text(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getString();
        }
        throw invalid(p, "a string");
    }

    static long epochSeconds(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getString().trim();
            if (s.isEmpty()) {
                return 0;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw invalid(p, "epoch seconds");
            }
        }
        throw invalid(p, "epoch seconds");
    }

    static Integer integer(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getString().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                throw invalid(p, "an integer");
            }
        }
        throw invalid(p, "an integer");
    }

    static int integer(JsonParser p, int whenAbsent) {
        Integer value = integer(p);
        return value == null ? whenAbsent : value;
    }

    static boolean bool(JsonParser p) {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
            case VALUE_NULL:
                return false;
            case VALUE_NUMBER_INT:
                return p.getLongValue() != 0;
            case VALUE_STRING:
                String s = p.getString().trim();
                if (s.equals("1") || s.equalsIgnoreCase("true")) {
                    return true;
                }
                if (s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("false")) {
                    return false;
                }
                throw invalid(p, "a boolean");
            default:
                throw invalid(p, "a boolean");
        }
    }

    static LocalDate date(JsonParser p) {
        String s = text(p);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw invalid(p, "a date YYYY-MM-DD");
        }
    }

    /** Moves to the next token, which must be {@code expected}. */
    static void expect(JsonParser p, JsonToken expected, String what) {
        JsonToken t = p.nextToken();
        if (t != expected) {
            throw invalid(p, what);
        }
    }

    static StreamReadException invalid(JsonParser p, String expected) {
        JsonToken t = p.currentToken();
        String found = t == null ? "end of input" : t.isScalarValue() ? "'" + abbreviate(p.getString()) + "'" : t.asString();
        String field = p.currentName();
        return new StreamReadException(p, "expected " + expected
                + (field == null ? "" : " for '" + field + "'") + " but found " + found);
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String describe(TokenStreamLocation location) {
        if (location == null || location == TokenStreamLocation.NA) {
            return "unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr()
                + ", byte offset " + location.getByteOffset();
    }
}
