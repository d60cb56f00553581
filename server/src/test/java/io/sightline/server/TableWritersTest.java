package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table has one writer: the SQL that inserts, updates or deletes its rows sits in one
 * package, read from the sources. The few tables written from a second package are listed here
 * with the reason, so that a new one is a decision, not an accident.
 */
class TableWritersTest {
    private static final Path SOURCES = Path.of("src/main/java/io/sightline/server");
    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT INTO|UPDATE|DELETE FROM|MERGE INTO)\\s+([a-z_]+)\\b");

    private static final Map<String, Set<String>> SHARED = Map.of(
            // the tag rows of each kind of record are written by its own package, in its own statements
            "entity_tag", Set.of("common", "cases", "alerts", "observables"),
            // deleting a case removes its observables and unlinks its alerts, and cases sits below both packages
            "observable", Set.of("observables", "cases"),
            "alert", Set.of("alerts", "cases"));

    @Test
    void everyOtherTableIsWrittenFromOnePackage() {
        Map<String, Set<String>> shared = new TreeMap<>();
        writers().forEach((table, packages) -> {
            if (packages.size() > 1) shared.put(table, packages);
        });

        assertThat(writers()).as("the sources were read").containsKeys("audit_log", "observable", "case_record");
        assertThat(shared).isEqualTo(new TreeMap<>(SHARED));
    }

    @Test
    void theAuditTrailAndOrganisationsHaveTheirOwnPackageAsWriter() {
        assertThat(writers().get("audit_log")).containsExactly("audit");
        assertThat(writers().get("organisation")).containsExactly("auth");
    }

    /** Table to the packages (path below the hub's root package) whose sources write it. */
    private static Map<String, Set<String>> writers() {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) return;
                String pkg = relative.getParent().toString().replace('/', '.');
                Matcher m = WRITE.matcher(read(file));
                while (m.find()) out.computeIfAbsent(m.group(1), t -> new TreeSet<>()).add(pkg);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
