package io.sightline.opencti.stixify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads settings the way pycti's {@code get_config_variable} does: the environment variable
 * first (when set at all), else {@code section.key} of {@code config.yml}, else the default; an
 * empty value, even an empty environment variable in front of a {@code config.yml} value, means the
 * default, as in pycti; {@code yes/true/True} and {@code no/false/False} are booleans; numbers are whole
 * numbers. Unlike pycti, a bad value does not crash: it becomes a problem in {@link #problems()},
 * so that every problem can be reported at once.
 */
public final class ConfigSource {
    private static final Set<String> TRUTHY = Set.of("yes", "true", "True");
    private static final Set<String> FALSY = Set.of("no", "false", "False");

    /** Whether a raw value is one of the words read as a boolean (pycti's true and false spellings). */
    static boolean isBoolean(String value) {
        return TRUTHY.contains(value) || FALSY.contains(value);
    }

    static boolean isFalse(String value) {
        return FALSY.contains(value);
    }

    private final Map<String, String> env;
    private final JsonNode yaml;
    private final List<String> problems = new ArrayList<>();

    public ConfigSource(Map<String, String> env, JsonNode yaml) {
        this.env = Map.copyOf(env);
        this.yaml = yaml == null ? MissingNode.getInstance() : yaml;
    }

    /** The environment plus {@code config.yml} of the folder, if there is one. */
    public static ConfigSource load(Map<String, String> env, Path workingDirectory) {
        Path file = workingDirectory.resolve("config.yml");
        JsonNode yaml = MissingNode.getInstance();
        String yamlProblem = null;
        if (Files.isRegularFile(file)) {
            try {
                yaml = new YAMLMapper().readTree(file.toFile());
                if (yaml == null || yaml.isNull() || yaml.isMissingNode()) yaml = MissingNode.getInstance();
                else if (!yaml.isObject()) yamlProblem = file + " must hold sections such as 'stixify:' and 'opencti:'";
            } catch (RuntimeException e) {
                yamlProblem = file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse("");
                yaml = MissingNode.getInstance();
            }
        }
        ConfigSource source = new ConfigSource(env, yaml);
        if (yamlProblem != null) source.problems.add(yamlProblem);
        return source;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The raw setting as text, or null when unset or empty (pycti: the default applies). */
    String raw(String envName, String yamlPath) {
        String value = env.get(envName);
        if (value == null && yamlPath != null) {
            String[] parts = yamlPath.split("\\.", 2);
            JsonNode node = yaml.path(parts[0]).path(parts[1]);
            if (!node.isMissingNode() && !node.isNull()) value = node.isValueNode() ? node.asString() : node.toString();
        }
        return value == null || value.isEmpty() ? null : value;
    }

    public String string(String envName, String yamlPath, String fallback) {
        String value = raw(envName, yamlPath);
        return value == null ? fallback : value;
    }

    public String required(String envName, String yamlPath, String what) {
        String value = raw(envName, yamlPath);
        if (value == null || value.isBlank()) problems.add(envName + " (" + yamlPath + ") is required: " + what);
        return value;
    }

    public boolean bool(String envName, String yamlPath, boolean fallback) {
        String value = raw(envName, yamlPath);
        if (value == null) return fallback;
        if (TRUTHY.contains(value)) return true;
        if (FALSY.contains(value)) return false;
        problems.add(envName + " (" + yamlPath + ") must be true/false/yes/no, was '" + value + "'");
        return fallback;
    }

    /** A whole number, or the fallback (null allowed) when unset. */
    public Integer integer(String envName, String yamlPath, Integer fallback, int min) {
        String value = raw(envName, yamlPath);
        if (value == null) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min) {
                problems.add(envName + " (" + yamlPath + ") must be at least " + min + ", was " + n);
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(envName + " (" + yamlPath + ") must be a whole number, was '" + value + "'");
            return fallback;
        }
    }

    /** A number that may have decimals (queue threshold in MB). */
    public double decimal(String envName, String yamlPath, double fallback) {
        String value = raw(envName, yamlPath);
        if (value == null) return fallback;
        try {
            double d = Double.parseDouble(value.strip());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            problems.add(envName + " (" + yamlPath + ") must be a positive number, was '" + value + "'");
            return fallback;
        }
    }

    /** One of the allowed values, compared without case; returns it in lower case. */
    public String choice(String envName, String yamlPath, String fallback, List<String> allowed) {
        String value = raw(envName, yamlPath);
        if (value == null) return fallback;
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            problems.add(envName + " (" + yamlPath + ") must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
            return fallback;
        }
        return lower;
    }

    public void problem(String text) {
        problems.add(text);
    }
}
