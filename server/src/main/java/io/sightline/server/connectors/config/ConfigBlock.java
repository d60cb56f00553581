package io.sightline.server.connectors.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated configuration block: every value already has its declared type, aliases are
 * folded into the canonical key, defaults are applied. {@link #toString()} and
 * {@link #describe()} mask SECRET keys, so a block can be logged.
 */
public final class ConfigBlock {
    private final String path;
    private final boolean present;
    private final ConfigSpec spec;
    private final Map<String, Object> values;

    ConfigBlock(String path, boolean present, ConfigSpec spec, Map<String, Object> values) {
        this.path = path;
        this.present = present;
        this.spec = spec;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Where the block sits, e.g. {@code misp.servers[0]}; used in error messages. */
    public String path() {
        return path;
    }

    /** True when at least one key of this block was written in the configuration. */
    public boolean present() {
        return present;
    }

    public boolean has(String key) {
        return values.get(check(key)) != null;
    }

    public String string(String key) {
        return require(key, String.class);
    }

    public Optional<String> optionalString(String key) {
        return Optional.ofNullable(get(key, String.class));
    }

    public int integer(String key) {
        return require(key, Integer.class);
    }

    public Optional<Integer> optionalInteger(String key) {
        return Optional.ofNullable(get(key, Integer.class));
    }

    public boolean bool(String key) {
        Boolean b = get(key, Boolean.class);
        return b != null && b;
    }

    public Duration duration(String key) {
        return require(key, Duration.class);
    }

    public Optional<Duration> optionalDuration(String key) {
        return Optional.ofNullable(get(key, Duration.class));
    }

    public URI uri(String key) {
        return require(key, URI.class);
    }

    public Optional<Path> optionalPath(String key) {
        return Optional.ofNullable(get(key, Path.class));
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String key) {
        List<String> l = get(key, List.class);
        return l == null ? List.of() : l;
    }

    /** A nested block; never null (an absent block is empty, with its defaults). */
    public ConfigBlock block(String key) {
        return require(key, ConfigBlock.class);
    }

    @SuppressWarnings("unchecked")
    public List<ConfigBlock> blocks(String key) {
        List<ConfigBlock> l = get(key, List.class);
        return l == null ? List.of() : l;
    }

    /** The effective settings with secrets masked, for a start-up log line or an admin page. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v == null) return;
            ConfigSpec.Field f = spec.fields().get(k);
            if (f.type() == ConfigSpec.Type.SECRET) out.put(k, "****");
            else if (v instanceof ConfigBlock b) out.put(k, b.describe());
            else if (f.type() == ConfigSpec.Type.BLOCK_LIST) {
                out.put(k, ((List<?>) v).stream().map(e -> ((ConfigBlock) e).describe()).toList());
            } else if (v instanceof Duration d) out.put(k, ConfigDurations.human(d));
            else out.put(k, v.toString());
        });
        return out;
    }

    @Override
    public String toString() {
        return path + describe();
    }

    private <T> T require(String key, Class<T> type) {
        T v = get(key, type);
        if (v == null) throw new IllegalStateException(path + "." + key + " has no value");
        return v;
    }

    private <T> T get(String key, Class<T> type) {
        Object v = values.get(check(key));
        return v == null ? null : type.cast(v);
    }

    private String check(String key) {
        if (!spec.fields().containsKey(key)) {
            throw new IllegalArgumentException(path + " declares no key " + key + "; declared: " + spec.fields().keySet());
        }
        return key;
    }
}
