package io.sightline.server.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL an observable's alert is checked once per statement instead of by a foreign key:
 * the rule, its locks and the cascading delete must behave as the foreign key did, races included.
 */
class ObservableAlertKeyPostgresTest {
    private String url;

    @BeforeEach
    void database() throws SQLException {
        url = PostgresDatabase.newDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO organisation (id, name, created_at) OVERRIDING SYSTEM VALUE VALUES (1, 'org', 0)");
            s.execute("""
                    INSERT INTO alert (id, org_id, type, source, source_ref, title, description, severity, alert_date, tlp, pap,
                      status, created_by, created_at)
                    OVERRIDING SYSTEM VALUE SELECT g, 1, 'misp', 'src', 'ref' || g, 'alert ' || g, '', 2, 0, 2, 2, 'New', 'test', 0
                    FROM generate_series(1, 3) g""");
        }
    }

    @Test
    void aStatementWithOneObservableOfAMissingAlertWritesNothing() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate(insert(1, "a") + ", " + values(2, "b"));
            assertThatThrownBy(() -> s.executeUpdate(insert(1, "c") + ", " + values(99, "d")))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23503");
                        assertThat(e.getMessage()).contains("observable_alert_id_fkey");
                    });
            assertThat(count(c, "SELECT count(*) FROM observable")).isEqualTo(2);
        }
    }

    @Test
    void movingAnObservableToAMissingAlertIsRefused() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate(insert(1, "a"));
            assertThatThrownBy(() -> s.executeUpdate("UPDATE observable SET alert_id = 42"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            s.executeUpdate("UPDATE observable SET alert_id = 3");
            assertThat(count(c, "SELECT count(*) FROM observable WHERE alert_id = 3")).isEqualTo(1);
        }
    }

    @Test
    void deletingAlertsDeletesTheirObservables() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate(insert(1, "a") + ", " + values(1, "b") + ", " + values(2, "c") + ", " + values(3, "d"));
            s.executeUpdate("DELETE FROM alert WHERE id IN (1, 2)");
            assertThat(count(c, "SELECT count(*) FROM observable")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM observable WHERE alert_id = 3")).isEqualTo(1);
        }
    }

    @Test
    void anAlertDeletedWhileObservablesAreWrittenTakesThemAlong() throws Exception {
        try (Connection writer = connect(); Connection deleter = connect()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.executeUpdate(insert(1, "a") + ", " + values(1, "b"));
            }
            // the alert is locked by the writer's check: the delete waits for its commit...
            CompletableFuture<Integer> delete = CompletableFuture.supplyAsync(() -> update(deleter, "DELETE FROM alert WHERE id = 1"));
            Thread.sleep(300);
            assertThat(delete).isNotDone();
            writer.commit();
            // ...then removes the alert and the observables just committed: no orphan is left
            assertThat(delete.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(count(deleter, "SELECT count(*) FROM observable")).isZero();
        }
    }

    @Test
    void observablesWrittenWhileTheirAlertIsDeletedAreRefused() throws Exception {
        try (Connection deleter = connect(); Connection writer = connect()) {
            deleter.setAutoCommit(false);
            try (Statement s = deleter.createStatement()) {
                s.executeUpdate("DELETE FROM alert WHERE id = 1");
            }
            // the writer waits for the delete to end, then finds the alert gone
            CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> update(writer, insert(1, "a")));
            Thread.sleep(300);
            assertThat(write).isNotDone();
            deleter.commit();
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("observable_alert_id_fkey");
            assertThat(count(deleter, "SELECT count(*) FROM observable")).isZero();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    private static String insert(long alertId, String value) {
        return "INSERT INTO observable (org_id, alert_id, data_type, data, data_key, tlp, pap, start_date, created_by, created_at)"
                + " VALUES " + values(alertId, value);
    }

    private static String values(long alertId, String value) {
        return "(1, " + alertId + ", 'other', '" + value + "', 'key-" + value + "', 2, 2, 0, 'test', 0)";
    }

    private static int update(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
