package io.sightline.testkit.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows for several tables in PostgreSQL's COPY text format, sent by one background thread over one
 * connection while the caller goes on generating: generation and COPY overlap on two cores. A table's
 * rows leave in chunks of a few megabytes, in the order they were written.
 */
final class CopyWriter implements AutoCloseable {
    private static final int CHUNK_BYTES = 4 << 20;
    private static final byte[][] END = new byte[0][];

    private final Map<String, StringBuilder> buffers = new HashMap<>();
    private final BlockingQueue<Object[]> chunks = new ArrayBlockingQueue<>(2);
    private final ExecutorService copier = Executors.newSingleThreadExecutor();
    private final Future<?> copying;
    private long copyNanos;

    CopyWriter(Connection connection) throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copying = copier.submit(() -> {
            for (Object[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                long start = System.nanoTime();
                copy.copyIn("COPY " + chunk[0] + " FROM STDIN", new ByteArrayInputStream((byte[]) chunk[1]));
                copyNanos += System.nanoTime() - start;
            }
            return null;
        });
    }

    /** One row of {@code target} ("table (col, col...)"); {@code null} is SQL NULL. */
    void row(String target, Object... columns) throws Exception {
        StringBuilder out = buffers.computeIfAbsent(target, t -> new StringBuilder(CHUNK_BYTES + 4096));
        line(out, columns);
        if (out.length() >= CHUNK_BYTES) send(target, out);
    }

    /** Appends one line of PostgreSQL's COPY text format; {@code null} is SQL NULL. */
    static void line(StringBuilder out, Object... columns) {
        for (int c = 0; c < columns.length; c++) {
            if (c > 0) out.append('\t');
            Object v = columns[c];
            if (v == null) {
                out.append("\\N");
            } else {
                escape(out, v.toString());
            }
        }
        out.append('\n');
    }

    /** Sends what every table still holds, in the order the tables were first written. */
    void flush(String... targetsInOrder) throws Exception {
        for (String target : targetsInOrder) {
            StringBuilder out = buffers.get(target);
            if (out != null && !out.isEmpty()) send(target, out);
        }
    }

    /** Waits until every chunk is in the database; the seconds COPY was busy. */
    double finish() throws Exception {
        put(END);
        copying.get();
        return copyNanos / 1e9;
    }

    @Override
    public void close() {
        copier.shutdownNow();
    }

    private void send(String target, StringBuilder out) throws Exception {
        put(new Object[] {target, out.toString().getBytes(StandardCharsets.UTF_8)});
        out.setLength(0);
    }

    private void put(Object[] chunk) throws Exception {
        while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
            if (copying.isDone()) copying.get(); // COPY failed: surface its error
        }
    }

    private static void escape(StringBuilder out, String s) {
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
