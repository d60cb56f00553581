package io.sightline.testkit.opencti;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small GraphQL document parser, enough for the emulator to check requests the way the real
 * server's validation does: operation type, root fields with their arguments and the nested
 * selection sets. Fragments and directives are not supported (connectors do not send them).
 */
final class GraphqlRequest {
    /** An argument value: a {@code $variable} reference or a literal (string, number, boolean, null). */
    record Value(String variable, Object literal) {}

    record Field(String name, String alias, Map<String, Value> arguments, List<Field> selection) {
        String responseKey() {
            return alias != null ? alias : name;
        }
    }

    final String operationType;
    final String operationName;
    final List<Field> rootFields;

    private final String text;
    private int pos;

    private GraphqlRequest(String text) {
        this.text = text;
        skipIgnored();
        String first = peekName();
        if ("query".equals(first) || "mutation".equals(first)) {
            operationType = readName();
            skipIgnored();
            operationName = Character.isLetter(peek()) || peek() == '_' ? readName() : null;
            skipIgnored();
            if (peek() == '(') skipBalanced('(', ')');
        } else {
            operationType = "query";
            operationName = null;
        }
        skipIgnored();
        rootFields = readSelection();
    }

    static GraphqlRequest parse(String text) {
        if (text == null || text.isBlank()) throw new GraphqlError("GRAPHQL_PARSE_FAILED", "Must provide query string.");
        return new GraphqlRequest(text);
    }

    private List<Field> readSelection() {
        expect('{');
        List<Field> fields = new ArrayList<>();
        while (true) {
            skipIgnored();
            if (peek() == '}') {
                pos++;
                return fields;
            }
            String name = readName();
            String alias = null;
            skipIgnored();
            if (peek() == ':') {
                pos++;
                skipIgnored();
                alias = name;
                name = readName();
                skipIgnored();
            }
            Map<String, Value> args = new LinkedHashMap<>();
            if (peek() == '(') args = readArguments();
            skipIgnored();
            List<Field> sub = List.of();
            if (peek() == '{') sub = readSelection();
            fields.add(new Field(name, alias, args, sub));
        }
    }

    private Map<String, Value> readArguments() {
        expect('(');
        Map<String, Value> args = new LinkedHashMap<>();
        while (true) {
            skipIgnored();
            if (peek() == ')') {
                pos++;
                return args;
            }
            String name = readName();
            skipIgnored();
            expect(':');
            skipIgnored();
            args.put(name, readValue());
        }
    }

    private Value readValue() {
        char c = peek();
        if (c == '$') {
            pos++;
            return new Value(readName(), null);
        }
        if (c == '"') {
            StringBuilder out = new StringBuilder();
            pos++;
            while (peek() != '"') {
                char ch = text.charAt(pos++);
                if (ch == '\\') ch = text.charAt(pos++);
                out.append(ch);
            }
            pos++;
            return new Value(null, out.toString());
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '-' || peek() == '.' || peek() == '_')) pos++;
        String raw = text.substring(start, pos);
        if (raw.isEmpty()) throw syntax("value expected");
        return switch (raw) {
            case "true" -> new Value(null, Boolean.TRUE);
            case "false" -> new Value(null, Boolean.FALSE);
            case "null" -> new Value(null, null);
            default -> new Value(null, raw.contains(".") ? (Object) Double.valueOf(raw) : (Object) Long.valueOf(raw));
        };
    }

    private void skipBalanced(char open, char close) {
        int depth = 0;
        do {
            char c = text.charAt(pos++);
            if (c == open) depth++;
            else if (c == close) depth--;
        } while (depth > 0 && pos < text.length());
    }

    private String peekName() {
        int save = pos;
        String name = Character.isLetter(peek()) ? readName() : "";
        pos = save;
        return name;
    }

    private String readName() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        if (start == pos) throw syntax("name expected");
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipIgnored();
        if (peek() != c) throw syntax("expected '" + c + "'");
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) throw syntax("unexpected end of document");
        return text.charAt(pos);
    }

    private void skipIgnored() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else if (Character.isWhitespace(c) || c == ',') {
                pos++;
            } else {
                return;
            }
        }
    }

    private GraphqlError syntax(String what) {
        return new GraphqlError("GRAPHQL_PARSE_FAILED", "Syntax Error: " + what + " at position " + pos + ".");
    }
}
