package io.sightline.server.connectors.stixify;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report's objects kept on disk (one JSON object per line) while they stream to the first
 * destination, so that a second destination can read them again without holding the report in
 * memory or fetching it twice from Stixify. The file is deleted on {@link #close()}.
 */
final class ReportSpool implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final BufferedWriter writer;
    private BufferedReader reader;
    private long written;

    private ReportSpool(Path file) throws IOException {
        this.file = file;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    static ReportSpool create() {
        try {
            return new ReportSpool(Files.createTempFile("sightline-stixify-report-", ".jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file for a report", e);
        }
    }

    /** Passes {@code source} through, writing each object to the spool as it goes by. */
    Iterator<ObjectNode> tee(Iterator<ObjectNode> source) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public ObjectNode next() {
                ObjectNode object = source.next();
                try {
                    writer.write(JSON.writeValueAsString(object));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the report spool " + file, e);
                }
                written++;
                return object;
            }
        };
    }

    /** Objects spooled so far. */
    long size() {
        return written;
    }

    /** Reads the spooled objects back, in order; call once, after the tee was consumed. */
    Iterator<ObjectNode> replay() {
        try {
            writer.close();
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report spool " + file, e);
        }
        return new Iterator<>() {
            private String line = read();

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public ObjectNode next() {
                if (line == null) throw new NoSuchElementException();
                ObjectNode object = (ObjectNode) JSON.readTree(line);
                line = read();
                return object;
            }

            private String read() {
                try {
                    String next = reader.readLine();
                    while (next != null && next.isEmpty()) next = reader.readLine();
                    return next;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the report spool " + file, e);
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            writer.close();
            if (reader != null) reader.close();
        } catch (IOException ignored) {
            // the file is deleted below either way
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the report spool " + file, e);
        }
    }
}
