package io.sightline.server.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Says what a database failure means for the client, from the SQLSTATE rather than from Spring's
 * broad classes (which file PostgreSQL's "value too large" and "bad character" with constraint
 * violations or with outages). Unreachable database: 503, so clients retry instead of giving up.
 */
final class DatabaseErrors {
    private DatabaseErrors() {}

    static Optional<ApiException> translate(Throwable e) {
        SQLException sql = sqlCause(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        switch (state) {
            case "22021", "22P05" -> {
                return Optional.of(ApiException.badRequest(
                        "A text value contains a character the database cannot store (the NUL character \\u0000)"));
            }
            case "22001" -> {
                return Optional.of(ApiException.badRequest("A value is longer than the database accepts for its field"));
            }
            case "54000", "54001", "54011", "54023" -> {
                return Optional.of(ApiException.badRequest("The request exceeds a database limit: " + firstLine(sql.getMessage())));
            }
            case "57014" -> {
                return Optional.of(ApiException.unavailable("The database cancelled a statement that took too long"));
            }
            default -> { }
        }
        if (state.startsWith("22")) {
            return Optional.of(ApiException.badRequest("A value is not valid for the database (SQLSTATE " + state + ")"));
        }
        if (state.startsWith("23")) {
            return Optional.of(ApiException.createError("The request conflicts with existing data"));
        }
        if (unreachable(e, state)) {
            return Optional.of(ApiException.unavailable("The database is unavailable; try again later"));
        }
        return Optional.empty();
    }

    private static boolean unreachable(Throwable e, String state) {
        if (state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03")) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) return s;
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String line = s.lines().findFirst().orElse("");
        return line.startsWith("ERROR: ") ? line.substring(7) : line;
    }
}
