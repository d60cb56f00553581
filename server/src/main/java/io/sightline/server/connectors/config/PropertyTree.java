package io.sightline.server.connectors.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Rebuilds the tree under one prefix (e.g. {@code misp}) from the flat property names of the
 * Environment, keeping the spelling each key was written with, so that unknown keys can be named
 * exactly. Objects become {@code Map<String, Object>}, lists {@code TreeMap<Integer, Object>},
 * values strings with placeholders resolved. Sources are merged as Spring's Binder does: objects
 * key by key, the highest source winning; a list is taken whole from the highest source that
 * defines it.
 */
final class PropertyTree {
    private PropertyTree() {}

    /** The tree under {@code prefix}, or null when no source defines any key under it. */
    static Map<String, Object> of(ConfigurableEnvironment env, String prefix, List<String> errors) {
        Map<String, Object> merged = null;
        List<PropertySource<?>> sources = new ArrayList<>();
        env.getPropertySources().forEach(sources::add);
        // lowest precedence first, so each later source overrides what came before
        for (int i = sources.size() - 1; i >= 0; i--) {
            if (!(sources.get(i) instanceof EnumerablePropertySource<?> source)) continue;
            Map<String, Object> tree = null;
            for (String name : source.getPropertyNames()) {
                if (!name.startsWith(prefix)) continue;
                String rest = name.substring(prefix.length());
                if (!rest.startsWith(".") && !rest.startsWith("[")) continue;
                Object raw = source.getProperty(name);
                String value = resolve(env, name, raw == null ? "" : raw.toString(), errors);
                if (tree == null) tree = new LinkedHashMap<>();
                insert(tree, prefix, tokens(rest), value, errors);
            }
            if (tree != null) merged = merged == null ? tree : castMap(merge(tree, merged));
        }
        return merged;
    }

    private static String resolve(ConfigurableEnvironment env, String name, String value, List<String> errors) {
        if (!value.contains("${")) return value;
        try {
            return env.resolveRequiredPlaceholders(value);
        } catch (IllegalArgumentException e) {
            errors.add(name + ": " + e.getMessage());
            return value;
        }
    }

    /** Splits {@code .servers[0].auth.key} into ["servers", 0, "auth", "key"]. */
    static List<Object> tokens(String rest) {
        List<Object> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '.') {
                flush(cur, out);
            } else if (c == '[') {
                flush(cur, out);
                int end = rest.indexOf(']', i);
                if (end < 0) end = rest.length();
                String inside = rest.substring(i + 1, end);
                out.add(inside.chars().allMatch(Character::isDigit) && !inside.isEmpty() ? (Object) Integer.valueOf(inside) : inside);
                i = end;
            } else {
                cur.append(c);
            }
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<Object> out) {
        if (!cur.isEmpty()) out.add(cur.toString());
        cur.setLength(0);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, String prefix, List<Object> tokens, String value, List<String> errors) {
        Object node = root;
        StringBuilder path = new StringBuilder(prefix);
        for (int i = 0; i < tokens.size(); i++) {
            Object token = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            Object next = last ? value : tokens.get(i + 1) instanceof Integer ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
            Object existing;
            if (token instanceof Integer index) {
                if (!(node instanceof TreeMap)) {
                    errors.add(path + ": is both a list and a block or value");
                    return;
                }
                existing = ((TreeMap<Integer, Object>) node).putIfAbsent(index, next);
                path.append('[').append(index).append(']');
            } else {
                if (!(node instanceof LinkedHashMap)) {
                    errors.add(path + ": is both a list and a block or value");
                    return;
                }
                existing = ((Map<String, Object>) node).putIfAbsent((String) token, next);
                path.append('.').append(token);
            }
            if (existing != null) {
                if (last || existing instanceof String) {
                    errors.add(path + ": is given both as a value and as a block");
                    return;
                }
                next = existing;
            }
            node = next;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object high, Object low) {
        if (high instanceof LinkedHashMap<?, ?> h && low instanceof LinkedHashMap<?, ?> l) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) l);
            ((Map<String, Object>) h).forEach((k, v) -> out.merge(k, v, (lowValue, highValue) -> merge(highValue, lowValue)));
            return out;
        }
        return high;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
