package io.sightline.stix.observable;

import io.sightline.stix.StixFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the equality comparisons of a STIX 2.1 pattern: {@code <object path> = <literal>} and
 * {@code <object path> IN (<literal>, ...)}, wherever they sit among AND / OR / FOLLOWEDBY,
 * parentheses and qualifiers. Negated comparisons ({@code NOT =}, {@code !=}) and the other
 * operators (LIKE, MATCHES, &lt;, ...) do not name a value and are skipped. Malformed patterns
 * (unterminated string, unknown character) raise {@link StixFormatException}.
 */
final class StixPatternScanner {

    /** One {@code path = value} found in a pattern. */
    record Comparison(String objectType, String propertyPath, String value) {}

    private final String pattern;
    private int position;

    private StixPatternScanner(String pattern) {
        this.pattern = pattern;
    }

    static List<Comparison> equalities(String pattern) {
        return new StixPatternScanner(pattern).scan();
    }

    private List<Comparison> scan() {
        List<Comparison> found = new ArrayList<>();
        String[] path = null;
        boolean negated = false;
        while (true) {
            skipSpaces();
            if (position >= pattern.length()) return found;
            char c = pattern.charAt(position);
            if (Character.isLetter(c)) {
                String word = word();
                if (position < pattern.length() && pattern.charAt(position) == ':') {
                    position++;
                    path = new String[] {word, objectPath()};
                    negated = false;
                } else if (word.equalsIgnoreCase("NOT")) {
                    negated = true;
                } else if (word.equalsIgnoreCase("IN") && path != null && !negated) {
                    for (String value : literalList()) found.add(new Comparison(path[0], path[1], value));
                    path = null;
                } else if (isTypedLiteralPrefix(word)) {
                    literal();
                } else {
                    path = null; // AND, OR, LIKE, MATCHES, qualifiers...: no value for the last path
                }
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                boolean equality = c == '=';
                position++;
                if (position < pattern.length() && (pattern.charAt(position) == '=' || pattern.charAt(position) == '>')) {
                    equality = false;
                    position++;
                }
                skipSpaces();
                String value = literalOrNull();
                if (equality && !negated && path != null && value != null) found.add(new Comparison(path[0], path[1], value));
                path = null;
                negated = false;
            } else if (c == '\'') {
                literal();
            } else if ("[](),".indexOf(c) >= 0 || Character.isDigit(c) || c == '-' || c == '.') {
                position++;
            } else {
                throw new StixFormatException("unexpected '" + c + "' at position " + position + " of pattern " + pattern);
            }
        }
    }

    private boolean isTypedLiteralPrefix(String word) {
        return word.length() == 1 && "hbt".contains(word) && position < pattern.length() && pattern.charAt(position) == '\'';
    }

    /** Property path after {@code type:}, e.g. {@code hashes.'SHA-256'} or {@code to_refs[*].value}. */
    private String objectPath() {
        StringBuilder path = new StringBuilder();
        while (position < pattern.length()) {
            char c = pattern.charAt(position);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                path.append(c);
                position++;
            } else if (c == '\'') {
                path.append(quoted());
            } else if (c == '[') {
                int end = pattern.indexOf(']', position);
                if (end < 0) throw new StixFormatException("unterminated '[' in pattern " + pattern);
                path.append(pattern, position, end + 1);
                position = end + 1;
            } else {
                break;
            }
        }
        return path.toString();
    }

    private List<String> literalList() {
        skipSpaces();
        List<String> values = new ArrayList<>();
        if (position >= pattern.length() || pattern.charAt(position) != '(') return values;
        position++;
        while (true) {
            skipSpaces();
            if (position >= pattern.length()) throw new StixFormatException("unterminated IN list in pattern " + pattern);
            char c = pattern.charAt(position);
            if (c == ')') {
                position++;
                return values;
            }
            if (c == ',') {
                position++;
                continue;
            }
            String value = literalOrNull();
            if (value == null) throw new StixFormatException("unexpected '" + c + "' in IN list of pattern " + pattern);
            values.add(value);
        }
    }

    /** A string or number literal at the current position, or null when there is none. */
    private String literalOrNull() {
        if (position >= pattern.length()) return null;
        char c = pattern.charAt(position);
        if (c == '\'') return literal();
        if ((c == 'h' || c == 'b' || c == 't') && position + 1 < pattern.length() && pattern.charAt(position + 1) == '\'') {
            position++;
            return literal();
        }
        if (Character.isDigit(c) || c == '-') {
            int start = position;
            position++;
            while (position < pattern.length() && (Character.isDigit(pattern.charAt(position)) || pattern.charAt(position) == '.')) position++;
            return pattern.substring(start, position);
        }
        return null;
    }

    private String literal() {
        String quoted = quoted();
        return quoted.substring(1, quoted.length() - 1).replace("\\'", "'").replace("\\\\", "\\");
    }

    /** A quoted string including its quotes, escapes kept. */
    private String quoted() {
        int start = position;
        position++;
        while (position < pattern.length()) {
            char c = pattern.charAt(position);
            if (c == '\\') {
                position += 2;
            } else if (c == '\'') {
                position++;
                return pattern.substring(start, position);
            } else {
                position++;
            }
        }
        throw new StixFormatException("unterminated string starting at position " + start + " of pattern " + pattern);
    }

    private String word() {
        int start = position;
        while (position < pattern.length()) {
            char c = pattern.charAt(position);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') position++;
            else break;
        }
        return pattern.substring(start, position);
    }

    private void skipSpaces() {
        while (position < pattern.length() && Character.isWhitespace(pattern.charAt(position))) position++;
    }
}
