package io.sightline.server.connectors.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reads a connector's block (e.g. everything under {@code misp}) from the Spring Environment,
 * whatever file it came from ({@code application.yml}, a HOCON {@code application.conf}, system
 * properties, command-line arguments), and checks it against a {@link ConfigSpec}. Every problem
 * is collected, so one start-up attempt lists all of them:
 *
 * <pre>{@code
 * ConfigBlock misp = ConnectorConfigReader.read(environment, "misp", MISP_SPEC);
 * Duration interval = misp.duration("interval");
 * for (ConfigBlock server : misp.blocks("servers")) { ... }
 * }</pre>
 *
 * Values taken from environment variables must be referenced with a placeholder inside a file
 * ({@code key: ${MISP_KEY}}): only named keys under the prefix are read, so that a stray variable
 * can never be mistaken for an unknown key.
 */
public final class ConnectorConfigReader {
    private ConnectorConfigReader() {}

    /** @throws ConnectorConfigException listing every error found in the block */
    public static ConfigBlock read(ConfigurableEnvironment env, String prefix, ConfigSpec spec) {
        List<String> errors = new ArrayList<>();
        Map<String, Object> tree = PropertyTree.of(env, prefix, errors);
        ConfigBlock block = readBlock(prefix, tree, spec, errors);
        if (!errors.isEmpty()) throw new ConnectorConfigException(prefix, errors);
        return block;
    }

    @SuppressWarnings("unchecked")
    private static ConfigBlock readBlock(String path, Object node, ConfigSpec spec, List<String> errors) {
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, String> writtenAs = new LinkedHashMap<>();
        boolean present = node != null && !isEmptyValue(node);
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                String canonical = spec.canonical(e.getKey());
                if (canonical == null) {
                    errors.add(path + "." + e.getKey() + ": unknown key" + ConfigHints.suggestion(e.getKey(), spec.spellings()));
                    continue;
                }
                String previous = writtenAs.putIfAbsent(canonical, e.getKey());
                if (previous != null) {
                    errors.add(path + ": " + previous + " and " + e.getKey() + " are the same setting; keep only one");
                    continue;
                }
                raw.put(canonical, e.getValue());
            }
        } else if (present) {
            errors.add(path + ": expected a block of keys, got the value '" + node + "'");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigSpec.Field field : spec.fields().values()) {
            String at = path + "." + writtenAs.getOrDefault(field.name(), field.name());
            values.put(field.name(), convert(at, field, raw.get(field.name()), present, errors));
        }
        ConfigBlock block = new ConfigBlock(path, present, spec, values);
        List<String> ruleErrors = new ArrayList<>();
        for (ConfigSpec.Rule rule : spec.rules()) rule.accept(block, ruleErrors);
        for (String e : ruleErrors) errors.add(path + ": " + e);
        return block;
    }

    /** Required keys are enforced only in a block that is written at all: an absent optional block stays absent. */
    private static Object convert(String at, ConfigSpec.Field field, Object node, boolean blockPresent, List<String> errors) {
        ConfigSpec.Type type = field.type();
        if (node == null || (isEmptyValue(node) && type != ConfigSpec.Type.STRING)) {
            if (field.required() && blockPresent) {
                errors.add(at + ": required key is missing");
                return null;
            }
            if (type == ConfigSpec.Type.BLOCK) return readBlock(at, null, field.nested(), errors);
            if (type == ConfigSpec.Type.BLOCK_LIST || type == ConfigSpec.Type.STRING_LIST) return List.of();
            return field.defaultValue();
        }
        try {
            return switch (type) {
                case BLOCK -> readBlock(at, node, field.nested(), errors);
                case BLOCK_LIST -> readBlockList(at, node, field.nested(), errors);
                case STRING_LIST -> readStringList(at, node);
                default -> readValue(field, leaf(node));
            };
        } catch (IllegalArgumentException e) {
            errors.add(at + ": " + e.getMessage());
            return null;
        }
    }

    private static Object readValue(ConfigSpec.Field field, String s) {
        return switch (field.type()) {
            case STRING -> {
                if (field.required() && s.isBlank()) throw new IllegalArgumentException("must not be empty");
                yield s;
            }
            case SECRET -> {
                if (s.isBlank()) throw new IllegalArgumentException("must not be empty");
                yield s;
            }
            case INTEGER -> parseInt(s);
            case BOOLEAN -> parseBoolean(s);
            case DURATION -> ConfigDurations.parse(s);
            case URL -> parseUrl(s);
            case PATH -> parsePath(s);
            case CHOICE -> parseChoice(s, field.choices());
            default -> throw new IllegalStateException(field.type() + " is not a single value");
        };
    }

    private static String leaf(Object node) {
        if (node instanceof String s) return s;
        String what = node instanceof TreeMap<?, ?> ? "a list" : "a block with keys " + ((Map<?, ?>) node).keySet();
        throw new IllegalArgumentException("expected a single value, got " + what);
    }

    @SuppressWarnings("unchecked")
    private static List<ConfigBlock> readBlockList(String at, Object node, ConfigSpec element, List<String> errors) {
        if (!(node instanceof TreeMap<?, ?> list)) {
            throw new IllegalArgumentException("expected a list of blocks ([ {...}, {...} ])");
        }
        checkDense(list);
        List<ConfigBlock> out = new ArrayList<>();
        ((TreeMap<Integer, Object>) list).forEach((i, v) -> out.add(readBlock(at + "[" + i + "]", v, element, errors)));
        return List.copyOf(out);
    }

    private static List<String> readStringList(String at, Object node) {
        if (node instanceof String s) {
            // Spring accepts "a, b" for a list; so do we
            return s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"));
        }
        if (!(node instanceof TreeMap<?, ?> list)) throw new IllegalArgumentException("expected a list of values");
        checkDense(list);
        List<String> out = new ArrayList<>();
        list.forEach((i, v) -> {
            if (!(v instanceof String s)) throw new IllegalArgumentException("element [" + i + "] must be a single value");
            out.add(s);
        });
        return List.copyOf(out);
    }

    private static void checkDense(TreeMap<?, ?> list) {
        int expected = 0;
        for (Object k : list.keySet()) {
            if (!(k instanceof Integer i) || i != expected++) {
                throw new IllegalArgumentException("list elements must be numbered from 0 without gaps; found index [" + k + "]");
            }
        }
    }

    private static boolean isEmptyValue(Object node) {
        return node instanceof String s && s.isEmpty();
    }

    private static int parseInt(String s) {
        try {
            int n = Integer.parseInt(s.strip());
            if (n < 0) throw new IllegalArgumentException("must not be negative, got " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + s + "'");
        }
    }

    private static boolean parseBoolean(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
        };
    }

    private static URI parseUrl(String s) {
        try {
            URI uri = new URI(s.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("expected an http:// or https:// URL with a host, got '" + s + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid URL: " + e.getReason());
        }
    }

    private static Path parsePath(String s) {
        Path p = Path.of(s.strip());
        if (!Files.isReadable(p)) throw new IllegalArgumentException("file " + p.toAbsolutePath() + " does not exist or cannot be read");
        return p;
    }

    private static String parseChoice(String s, List<String> choices) {
        for (String c : choices) if (c.equalsIgnoreCase(s.strip())) return c;
        throw new IllegalArgumentException("expected one of " + String.join(", ", choices) + ", got '" + s + "'");
    }
}
