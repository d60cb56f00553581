package io.sightline.integrations.misp.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a tab-separated mapping table, keeping line numbers for error messages. */
final class MispTable {

    /** Observable dataTypes known to TheHive 4 (and so to Sightline) by default. */
    static final Set<String> DEFAULT_DATA_TYPES = Set.of("url", "other", "user-agent", "regexp",
            "mail-subject", "registry", "mail", "autonomous-system", "domain", "ip", "uri_path",
            "filename", "hash", "file", "fqdn", "hostname");

    /** The 16 MISP attribute categories ({@code describeTypes.json}). */
    static final Set<String> CATEGORIES = Set.of("Internal reference", "Targeting data",
            "Antivirus detection", "Payload delivery", "Artifacts dropped", "Payload installation",
            "Persistence mechanism", "Network activity", "Payload type", "Attribution",
            "External analysis", "Financial fraud", "Support Tool", "Social network", "Person", "Other");

    record Line(int number, List<String> columns) {
        String column(int i) {
            return columns.get(i);
        }
    }

    private MispTable() {
    }

    /**
     * Returns the non-comment lines; a line with another column count than {@code columns} is
     * recorded in {@code problems} and left out.
     */
    static List<Line> read(Reader source, int columns, List<String> problems) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(source)) {
            int number = 0;
            for (String raw; (raw = in.readLine()) != null; ) {
                number++;
                if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> cols = new ArrayList<>();
                for (String c : raw.split("\t", -1)) {
                    cols.add(c.strip());
                }
                if (cols.size() != columns || cols.stream().anyMatch(String::isEmpty)) {
                    problems.add("line " + number + ": expected " + columns
                            + " non-empty tab-separated columns but found '" + raw + "'");
                    continue;
                }
                lines.add(new Line(number, cols));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    static Reader resource(String name) {
        InputStream in = MispTable.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("mapping table " + name + " missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
