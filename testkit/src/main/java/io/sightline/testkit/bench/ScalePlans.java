package io.sightline.testkit.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query plans of {@code bench scale}: a hub whose JDBC statements are logged (Spring's
 * JdbcTemplate at DEBUG, its parameter values at TRACE) answers each query once; the statements the
 * query engine ran for it are read back from its log and run again under
 * {@code EXPLAIN (ANALYZE, BUFFERS)} with the same values, so the plan is the one of the SQL the hub
 * really sends, warm.
 */
final class ScalePlans {
    /** The Spring arguments that make a hub log its statements and their values. */
    // the query engine's statements go through its own JdbcTemplate (query.PerValuePlanningJdbc), which logs under its class
    static final List<String> SQL_LOGGING = List.of("--logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG",
            "--logging.level.io.sightline.server.query.PerValuePlanningJdbc=DEBUG",
            "--logging.level.org.springframework.jdbc.core.StatementCreatorUtils=TRACE");

    private static final Pattern STATEMENT = Pattern.compile("Executing prepared SQL statement \\[(.*?)]?$");
    private static final Pattern PARAMETER = Pattern.compile(
            "Setting SQL statement parameter value: column index (\\d+), parameter value \\[(.*)], value class \\[([\\w.]+)]");

    /** One statement as the hub ran it. */
    record Statement(String sql, List<Object> values) {}

    private ScalePlans() {}

    /** The query engine's statements logged after {@code fromLine} (the list and count selects, not the reads of views or keys). */
    static List<Statement> engineStatements(Path hubLog, int fromLine) throws Exception {
        List<String> lines = Files.readAllLines(hubLog, StandardCharsets.UTF_8);
        List<Statement> out = new ArrayList<>();
        Statement current = null;
        for (String line : lines.subList(Math.min(fromLine, lines.size()), lines.size())) {
            Matcher s = STATEMENT.matcher(line);
            // a statement of several lines (not one of the engine's) is recognised by its first line alone
            if (s.find()) {
                String sql = s.group(1);
                current = sql.startsWith("SELECT t.id FROM ") || sql.startsWith("SELECT COUNT(*) FROM (SELECT t.id FROM ")
                        ? new Statement(sql, new ArrayList<>()) : null;
                if (current != null) out.add(current);
                continue;
            }
            Matcher p = PARAMETER.matcher(line);
            if (p.find() && current != null) current.values().add(typed(p.group(2), p.group(3)));
        }
        return out;
    }

    static int lineCount(Path log) throws Exception {
        return Files.readAllLines(log, StandardCharsets.UTF_8).size();
    }

    /** {@code EXPLAIN (ANALYZE, BUFFERS)} of a statement, the second of two runs (the first warms the cache). */
    static String explain(Connection db, Statement statement) throws Exception {
        String plan = "";
        for (int run = 0; run < 2; run++) {
            try (PreparedStatement ps = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
                for (int i = 0; i < statement.values().size(); i++) ps.setObject(i + 1, statement.values().get(i));
                StringBuilder out = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.append(rs.getString(1)).append('\n');
                }
                plan = out.toString();
            }
        }
        return plan;
    }

    private static Object typed(String value, String javaClass) {
        return switch (javaClass) {
            case "java.lang.Long" -> Long.parseLong(value);
            case "java.lang.Integer" -> Integer.parseInt(value);
            case "java.lang.Boolean" -> Boolean.parseBoolean(value);
            default -> value;
        };
    }
}
