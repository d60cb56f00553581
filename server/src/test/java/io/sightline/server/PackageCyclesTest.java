package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the hub's top-level packages layered: the dependency graph read from the sources (imports
 * and fully qualified names alike) has no cycle. Sub-packages count as their top-level package
 * ({@code connectors.misp} is {@code connectors}).
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/sightline/server");
    private static final Pattern REFERENCE = Pattern.compile("io\\.sightline\\.server\\.([a-z][a-z0-9_]*)\\b");

    /** The top layers and the only packages allowed to use them: the wiring sits on the UI, the UI on the rest. */
    private static final Map<String, Set<String>> TOP_LAYERS = Map.of("config", Set.of(), "web", Set.of("config"));

    @Test
    void noCycleBetweenTopLevelPackages() {
        Map<String, Set<String>> graph = dependencies();

        assertThat(graph).as("the sources were read").containsKeys("auth", "audit", "intel", "observables");
        assertThat(cycles(graph)).as("package cycles (each a strongly connected set, with its edges)").isEmpty();
    }

    @Test
    void theUiAndTheWiringAreUsedByNothing() {
        List<String> offending = new ArrayList<>();
        dependencies().forEach((from, targets) -> targets.stream()
                .filter(to -> TOP_LAYERS.containsKey(to) && !TOP_LAYERS.get(to).contains(from))
                .forEach(to -> offending.add(from + " -> " + to)));

        assertThat(offending).isEmpty();
    }

    /**
     * The query engine sits below the aggregates: each registers its own {@code QuerySource}, so the
     * engine names none of them and a new entity needs no edit there.
     */
    @Test
    void theQueryEngineDependsOnNoAggregate() {
        assertThat(dependencies().get("query")).as("query's dependencies").isSubsetOf("auth", "common", "core", "api");
    }

    /**
     * A connector sees only the SPI: the runtime that schedules and checkpoints it can change without
     * touching MISP, Cortex or Stixify, and the SPI itself names nothing of the runtime.
     */
    @Test
    void connectorsAndTheSpiNeverUseTheRuntime() {
        Path connectors = SOURCES.resolve("connectors");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(connectors)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(connectors.resolve("runtime")))
                    .filter(f -> read(f).contains("io.sightline.server.connectors.runtime"))
                    .forEach(f -> offending.add(connectors.relativize(f).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(offending).as("connector classes using connectors.runtime").isEmpty();
    }

    /** Top-level package to the top-level packages it references. */
    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) return; // the application class itself
                String from = relative.getName(0).toString();
                Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(read(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) targets.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Tarjan's strongly connected components of more than one package, each with its inner edges. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        var tarjan = new Object() {
            final Map<String, Integer> index = new TreeMap<>();
            final Map<String, Integer> low = new TreeMap<>();
            final List<String> stack = new ArrayList<>();
            final List<Set<String>> found = new ArrayList<>();

            void visit(String v) {
                index.put(v, index.size());
                low.put(v, index.get(v));
                stack.add(v);
                for (String w : graph.getOrDefault(v, Set.of())) {
                    if (!index.containsKey(w)) {
                        visit(w);
                        low.put(v, Math.min(low.get(v), low.get(w)));
                    } else if (stack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> component = new TreeSet<>();
                    String w;
                    do {
                        w = stack.remove(stack.size() - 1);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1) found.add(component);
                }
            }
        };
        for (String v : graph.keySet()) {
            if (!tarjan.index.containsKey(v)) tarjan.visit(v);
        }
        return tarjan.found.stream().map(c -> c + " via " + edgesWithin(graph, c)).toList();
    }

    private static List<String> edgesWithin(Map<String, Set<String>> graph, Collection<String> component) {
        List<String> edges = new ArrayList<>();
        for (String from : component) {
            for (String to : graph.getOrDefault(from, Set.of())) {
                if (component.contains(to)) edges.add(from + "->" + to);
            }
        }
        return edges;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
