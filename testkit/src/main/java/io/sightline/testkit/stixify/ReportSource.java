package io.sightline.testkit.stixify;

import io.sightline.stix.StixObjectReader;
import io.sightline.testkit.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The STIX objects of one emulated report, served page by page. Sources either hold their objects
 * (fixtures, hand-made lists) or generate them on demand ({@link GeneratedReportSource}), so a
 * report of millions of objects costs no memory.
 */
public interface ReportSource {

    /** Number of objects in the report. */
    int size();

    /** Objects {@code from} (inclusive) to {@code to} (exclusive), generated or read lazily. */
    Iterator<ObjectNode> objects(int from, int to);

    /** The id of the report object inside the source, or null when the source has none. */
    String reportObjectId();

    /** A source holding exactly these objects. */
    static ReportSource of(List<ObjectNode> objects) {
        List<ObjectNode> copy = List.copyOf(objects);
        String reportId = copy.stream().filter(o -> o.path("type").asString("").equals("report"))
                .map(o -> o.path("id").asString()).findFirst().orElse(null);
        return new ReportSource() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public Iterator<ObjectNode> objects(int from, int to) {
                return copy.subList(Math.min(from, copy.size()), Math.min(to, copy.size())).iterator();
            }

            @Override
            public String reportObjectId() {
                return reportId;
            }
        };
    }

    /** The objects of a STIX file (bundle or bare array), exactly as in the file. */
    public static ReportSource fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file); StixObjectReader reader = StixObjectReader.open(in)) {
            List<ObjectNode> objects = new ArrayList<>();
            reader.forEachRemaining(objects::add);
            return of(objects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The objects of the project's own sample {@code stix/<fileName>} ({@link Samples}). */
    static ReportSource sample(String fileName) {
        return fromFile(Samples.file("stix/" + fileName));
    }

}
