package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.model.MispAttribute;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MISP type → observable dataType table used on import, loaded from a tab-separated file
 * (default: {@code misp-import-types.tsv} next to this class) and validated when loaded.
 *
 * <p>Lookup for one type: the (category, type) line, else the (*, type) line, else the type's own
 * name when that is a known dataType, else {@code other}. Composite types are split on {@code |}
 * and each part is looked up on its own, see {@link #observables(MispAttribute)}.
 */
public final class MispImportTypes {

    /** One observable value derived from an attribute: composite attributes yield several. */
    public record Part(String dataType, String value, String mispType) {
    }

    private final Map<String, String> byCategoryAndType;
    private final Map<String, String> byType;
    private final Set<String> dataTypes;

    private MispImportTypes(Map<String, String> byCategoryAndType, Map<String, String> byType, Set<String> dataTypes) {
        this.byCategoryAndType = byCategoryAndType;
        this.byType = byType;
        this.dataTypes = dataTypes;
    }

    /** The built-in table, validated against TheHive 4's default observable dataTypes. */
    public static MispImportTypes loadDefault() {
        return load(MispTable.resource("misp-import-types.tsv"), "misp-import-types.tsv", MispTable.DEFAULT_DATA_TYPES);
    }

    /**
     * Loads a table.
     *
     * @param source    the TSV text (closed when read)
     * @param tableName name used in error messages
     * @param dataTypes the observable dataTypes that exist; any other dataType is an error
     * @throws MispMappingException listing every malformed line, unknown dataType, unknown category
     *                              or duplicate entry, each with its line number
     */
    public static MispImportTypes load(Reader source, String tableName, Set<String> dataTypes) {
        List<String> problems = new ArrayList<>();
        Map<String, String> byCategoryAndType = new HashMap<>();
        Map<String, String> byType = new HashMap<>();
        for (MispTable.Line line : MispTable.read(source, 3, problems)) {
            String type = line.column(0), category = line.column(1), dataType = line.column(2);
            if (!dataTypes.contains(dataType)) {
                problems.add("line " + line.number() + ": unknown dataType '" + dataType + "' (known: "
                        + String.join(", ", dataTypes.stream().sorted().toList()) + ")");
            } else if (type.contains("|")) {
                problems.add("line " + line.number() + ": composite type '" + type
                        + "' is split automatically; map its parts instead");
            } else if (!category.equals("*") && !MispTable.CATEGORIES.contains(category)) {
                problems.add("line " + line.number() + ": unknown MISP category '" + category + "'");
            } else {
                Map<String, String> target = category.equals("*") ? byType : byCategoryAndType;
                String key = category.equals("*") ? type : category + "\u0000" + type;
                if (target.putIfAbsent(key, dataType) != null) {
                    problems.add("line " + line.number() + ": duplicate entry for " + category + " / " + type);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MispMappingException(tableName, problems);
        }
        return new MispImportTypes(Map.copyOf(byCategoryAndType), Map.copyOf(byType), Set.copyOf(dataTypes));
    }

    /** The dataType for one (non-composite) MISP type in a category. */
    public String dataType(String category, String mispType) {
        if (category != null) {
            String exact = byCategoryAndType.get(category + "\u0000" + mispType);
            if (exact != null) {
                return exact;
            }
        }
        String any = byType.get(mispType);
        if (any != null) {
            return any;
        }
        return dataTypes.contains(mispType) ? mispType : "other";
    }

    /**
     * The observable values an attribute yields: one for a plain type, one per part for composite
     * types ({@code domain|ip} → domain + ip). A {@code malware-sample} yields one {@code file}
     * whose value is the file name (MISP writes {@code name|md5}).
     */
    public List<Part> observables(MispAttribute attribute) {
        if (attribute.isFile()) {
            return List.of(new Part(dataType(attribute.category(), attribute.type()), attribute.fileName(), attribute.type()));
        }
        if (!attribute.isComposite()) {
            return List.of(new Part(dataType(attribute.category(), attribute.type()), attribute.value(), attribute.type()));
        }
        List<String> types = attribute.typeParts();
        List<String> values = attribute.valueParts();
        List<Part> parts = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            if (!values.get(i).isEmpty()) {
                parts.add(new Part(dataType(attribute.category(), types.get(i)), values.get(i), types.get(i)));
            }
        }
        return parts;
    }
}
