package io.sightline.testkit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of the processes taking part in a benchmark, read from /proc on Linux,
 * so that a run on a loaded machine still says how much work one request costs. Where /proc is not
 * readable the figures are absent (-1), never guessed.
 */
final class CpuTimes {
    /** Linux reports /proc/<pid>/stat times in USER_HZ ticks, 100 per second on every mainstream build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTimes() {}

    /** CPU seconds used so far by one process, or -1 when unknown. */
    static double ofProcess(long pid) {
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds used so far by this JVM (the benchmark's client), or -1 when unknown. */
    static double ofThisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }

    /**
     * CPU seconds of every PostgreSQL backend serving the database, by process id. Backends are found
     * by their process title ("postgres: ... user database host(port) state").
     */
    static Map<Long, Double> ofPostgresBackends(String database) {
        Map<Long, Double> out = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path dir : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String title = Files.readString(dir.resolve("cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (!title.startsWith("postgres:") || !List.of(title.split(" ")).contains(database)) continue;
                    out.put(Long.parseLong(dir.getFileName().toString()), parseStat(Files.readString(dir.resolve("stat"))));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while listing, or is not ours to read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** CPU used between two snapshots of backends; a backend that appeared in between counts in full. */
    static double delta(Map<Long, Double> before, Map<Long, Double> after) {
        double sum = 0;
        for (var e : after.entrySet()) sum += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
        return sum;
    }

    /** utime + stime, fields 14 and 15 of /proc/<pid>/stat; the command name (field 2) may hold spaces. */
    static double parseStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The database name of a PostgreSQL JDBC URL, or null for any other URL. */
    static String postgresDatabase(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) return null;
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int slash = rest.indexOf('/');
        if (slash < 0) return null;
        String db = rest.substring(slash + 1);
        int query = db.indexOf('?');
        return query < 0 ? db : db.substring(0, query);
    }
}
