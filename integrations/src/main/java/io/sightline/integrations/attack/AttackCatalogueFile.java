package io.sightline.integrations.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The catalogue as the hub ships it: UTF-8, one technique a line, tab-separated
 * {@code id, name, tactics (comma-separated), parent id (empty for a technique), url, description};
 * lines starting with {@code #} are comments. Tabs and line breaks never occur inside a field.
 */
public final class AttackCatalogueFile {
    private AttackCatalogueFile() {}

    public static void write(List<AttackTechnique> techniques, String header, Writer out) throws IOException {
        for (String line : header.split("\n")) out.write("# " + line + "\n");
        for (AttackTechnique t : techniques) {
            out.write(String.join("\t", clean(t.attackId()), clean(t.name()), clean(String.join(",", t.tactics())),
                    t.parentId() == null ? "" : clean(t.parentId()), t.url() == null ? "" : clean(t.url()),
                    clean(t.description())) + "\n");
        }
    }

    public static List<AttackTechnique> read(InputStream in) {
        List<AttackTechnique> out = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 6) throw new IllegalArgumentException("ATT&CK catalogue line " + number + " has "
                        + f.length + " fields, expected 6");
                List<String> tactics = f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split(","));
                out.add(new AttackTechnique(f[0], f[1], tactics, f[3].isEmpty() ? null : f[3],
                        f[4].isEmpty() ? null : f[4], f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ");
    }
}
