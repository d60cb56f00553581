package io.sightline.integrations.misp.mapping;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The observable dataType → MISP category/type table used on export, loaded from a tab-separated
 * file (default: {@code misp-export-types.tsv} next to this class) and validated when loaded.
 * Lines are tried in order; a line may restrict itself to values matching a pattern (how hashes
 * are told apart by length).
 */
public final class MispExportTypes {

    /** Where an observable goes in MISP. */
    public record Target(String category, String type) {
    }

    private record Rule(String dataType, Pattern pattern, Target target, int line) {
    }

    private final List<Rule> rules;

    private MispExportTypes(List<Rule> rules) {
        this.rules = rules;
    }

    /** The built-in table (the recommended table of the MISP reference). */
    public static MispExportTypes loadDefault() {
        return load(MispTable.resource("misp-export-types.tsv"), "misp-export-types.tsv", MispTable.DEFAULT_DATA_TYPES);
    }

    /**
     * Loads a table.
     *
     * @throws MispMappingException listing every malformed line, unknown dataType or category,
     *                              or invalid pattern, each with its line number
     */
    public static MispExportTypes load(Reader source, String tableName, Set<String> dataTypes) {
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (MispTable.Line line : MispTable.read(source, 4, problems)) {
            String dataType = line.column(0), pattern = line.column(1), category = line.column(2), type = line.column(3);
            String at = "line " + line.number() + ": ";
            if (!dataTypes.contains(dataType)) {
                problems.add(at + "unknown dataType '" + dataType + "' (known: "
                        + String.join(", ", dataTypes.stream().sorted().toList()) + ")");
                continue;
            }
            if (!MispTable.CATEGORIES.contains(category)) {
                problems.add(at + "unknown MISP category '" + category + "'");
                continue;
            }
            try {
                Pattern compiled = pattern.equals("*") ? null : Pattern.compile(pattern);
                rules.add(new Rule(dataType, compiled, type.equals("-") ? null : new Target(category, type), line.number()));
            } catch (PatternSyntaxException e) {
                problems.add(at + "invalid value pattern '" + pattern + "': " + e.getDescription());
            }
        }
        if (!problems.isEmpty()) {
            throw new MispMappingException(tableName, problems);
        }
        return new MispExportTypes(List.copyOf(rules));
    }

    /**
     * Where an observable is exported, or empty when the table has no line for it or says to
     * skip it (the caller reports skipped observables to the user rather than dropping them silently).
     */
    public Optional<Target> target(String dataType, String value) {
        for (Rule rule : rules) {
            if (rule.dataType.equals(dataType) && (rule.pattern == null || rule.pattern.matcher(value).matches())) {
                return Optional.ofNullable(rule.target);
            }
        }
        return Optional.empty();
    }
}
