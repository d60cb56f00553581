package io.sightline.testkit.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time spent by the processes of a benchmark: this JVM, a child process, and the PostgreSQL
 * backends serving one database. On a shared machine wall time depends on the neighbours; CPU
 * seconds per unit of work much less.
 */
final class CpuClock {
    private CpuClock() {}

    /** CPU time of this JVM (all threads), in seconds. */
    static double self() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** CPU time of a process (read from /proc on Linux), in seconds; 0 when the system does not say. */
    static double of(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /**
     * CPU time of each PostgreSQL backend connected to {@code database} (except the one asking),
     * by backend pid. Only meaningful when the server runs on this machine.
     */
    static Map<Long, Double> backends(String jdbcUrl, String database) {
        Map<Long, Double> cpu = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + database.replace("'", "''")
                     + "' AND pid <> pg_backend_pid()")) {
            List<Long> pids = new ArrayList<>();
            while (rs.next()) pids.add(rs.getLong(1));
            pids.forEach(p -> cpu.put(p, of(p)));
        } catch (SQLException e) {
            System.out.println("(PostgreSQL backends' CPU unknown: " + e.getMessage() + ")");
        }
        return cpu;
    }

    /** CPU seconds the backends used between two readings; backends that appeared count from zero. */
    static double backendsDelta(Map<Long, Double> before, Map<Long, Double> after) {
        double sum = 0;
        for (var e : after.entrySet()) sum += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
        return sum;
    }
}
