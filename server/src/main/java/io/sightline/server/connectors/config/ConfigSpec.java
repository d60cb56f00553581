package io.sightline.server.connectors.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The keys a configuration block accepts: name, type, default, aliases. Keys are matched the way
 * Spring's relaxed binding matches them (case, '-' and '_' ignored), so {@code max-age} and
 * {@code maxAge} are one key; other spellings (TheHive's {@code interval} vs {@code syncInterval})
 * are declared as aliases. Any other key inside the block is an error.
 *
 * <pre>{@code
 * ConfigSpec server = ConfigSpec.create()
 *         .required("name", ConfigSpec.Type.STRING)
 *         .required("url", ConfigSpec.Type.URL)
 *         .optional("maxAge", ConfigSpec.Type.DURATION, null)
 *         .block("auth", HttpServerSettings.authSpec());
 * }</pre>
 */
public final class ConfigSpec {

    /** Value types; each has its parser in {@link ConnectorConfigReader}. */
    public enum Type {
        STRING, SECRET, INTEGER, BOOLEAN, DURATION, URL, PATH, STRING_LIST, CHOICE, BLOCK, BLOCK_LIST
    }

    /**
     * One accepted key.
     *
     * @param defaultValue value used when the key is absent (null: absent stays absent)
     * @param choices      accepted values of a CHOICE key, matched case-insensitively
     * @param nested       the spec of a BLOCK or of each element of a BLOCK_LIST
     */
    public record Field(String name, Type type, boolean required, Object defaultValue, List<String> aliases,
                        List<String> choices, ConfigSpec nested) {}

    /** A check across several keys of one block, run after every key has been read. */
    @FunctionalInterface
    public interface Rule extends BiConsumer<ConfigBlock, List<String>> {}

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, String> canonicalByRelaxed = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();

    private ConfigSpec() {}

    public static ConfigSpec create() {
        return new ConfigSpec();
    }

    public ConfigSpec required(String name, Type type, String... aliases) {
        return add(new Field(name, type, true, null, List.of(aliases), List.of(), null));
    }

    public ConfigSpec optional(String name, Type type, Object defaultValue, String... aliases) {
        return add(new Field(name, type, false, defaultValue, List.of(aliases), List.of(), null));
    }

    /** A key taking one of a fixed set of values (e.g. {@code purpose}); {@code defaultValue} may be null. */
    public ConfigSpec choice(String name, String defaultValue, List<String> choices, String... aliases) {
        return add(new Field(name, Type.CHOICE, false, defaultValue, List.of(aliases), List.copyOf(choices), null));
    }

    /** A nested block; absent means an empty block (its own defaults apply). */
    public ConfigSpec block(String name, ConfigSpec nested, String... aliases) {
        return add(new Field(name, Type.BLOCK, false, null, List.of(aliases), List.of(), nested));
    }

    /** A list of blocks (e.g. {@code servers}); absent means an empty list unless required. */
    public ConfigSpec blockList(String name, ConfigSpec element, boolean required, String... aliases) {
        return add(new Field(name, Type.BLOCK_LIST, required, null, List.of(aliases), List.of(), element));
    }

    public ConfigSpec rule(Rule rule) {
        rules.add(rule);
        return this;
    }

    private ConfigSpec add(Field field) {
        register(field.name(), field.name());
        for (String alias : field.aliases()) register(alias, field.name());
        fields.put(field.name(), field);
        return this;
    }

    private void register(String spelling, String canonical) {
        String previous = canonicalByRelaxed.putIfAbsent(relaxed(spelling), canonical);
        if (previous != null) throw new IllegalArgumentException("key " + spelling + " is declared twice");
    }

    public Map<String, Field> fields() {
        return Collections.unmodifiableMap(fields);
    }

    List<Rule> rules() {
        return rules;
    }

    /** The canonical name for a key as written, or null if the block does not accept it. */
    String canonical(String key) {
        return canonicalByRelaxed.get(relaxed(key));
    }

    Set<String> spellings() {
        Set<String> all = new java.util.TreeSet<>();
        for (Field f : fields.values()) {
            all.add(f.name());
            all.addAll(f.aliases());
        }
        return all;
    }

    static String relaxed(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
