package io.sightline.server.config;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class H2DurabilityTest {

    @Test
    void anH2UrlWithoutWriteDelayGetsZeroAndTheInterruptSafeFileSystem() {
        assertThat(H2Durability.durableUrl("jdbc:h2:file:/data/db/sightline"))
                .isEqualTo("jdbc:h2:async:/data/db/sightline;WRITE_DELAY=0");
        assertThat(H2Durability.durableUrl("jdbc:h2:file:./data/db/sightline;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:async:./data/db/sightline;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(H2Durability.durableUrl("jdbc:h2:~/sightline")).isEqualTo("jdbc:h2:async:~/sightline;WRITE_DELAY=0");
        assertThat(H2Durability.durableUrl("jdbc:h2:C:/data/sightline")).isEqualTo("jdbc:h2:async:C:/data/sightline;WRITE_DELAY=0");
        assertThat(H2Durability.durableUrl("jdbc:h2:tcp://db:9092/sightline"))
                .isEqualTo("jdbc:h2:tcp://db:9092/sightline;WRITE_DELAY=0");
        assertThat(H2Durability.durableUrl("jdbc:h2:nio:/d/s")).isEqualTo("jdbc:h2:nio:/d/s;WRITE_DELAY=0");
    }

    @Test
    void aUrlThatSetsWriteDelayOrIsNotAnH2FileIsKept() {
        assertThat(H2Durability.durableUrl("jdbc:h2:async:/d/s;write_delay=200")).isEqualTo("jdbc:h2:async:/d/s;write_delay=200");
        assertThat(H2Durability.durableUrl("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(H2Durability.durableUrl("jdbc:postgresql://db/sightline")).isEqualTo("jdbc:postgresql://db/sightline");
    }

    /** The database H2 opens through the hub's pool really commits without delay. */
    @Test
    void theHubsPoolOpensH2WithNoWriteDelay() {
        Path dir = Path.of("target/test-data/h2-durability-" + UUID.randomUUID()).toAbsolutePath();
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:h2:file:" + dir + "/db");
            ds.setUsername("sa");
            new H2Durability().postProcessBeforeInitialization(ds, "dataSource");
            // the database's value, and the MVStore's auto-commit delay it sets
            var delays = new JdbcTemplate(ds).queryForList("SELECT SETTING_NAME || '=' || SETTING_VALUE FROM "
                    + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('WRITE_DELAY', 'info.AUTO_COMMIT_DELAY')", String.class);
            assertThat(delays).isNotEmpty().allMatch(s -> s.endsWith("=0"), "all zero");
            assertThat(ds.getJdbcUrl()).startsWith("jdbc:h2:async:");
        }
    }

    /**
     * A commit is written by the committing thread: one interrupted meanwhile (a connector stopped
     * at shutdown) must not close the file under the whole database.
     */
    @Test
    void aCommitByAnInterruptedThreadLeavesTheDatabaseWorking() throws Exception {
        Path dir = Path.of("target/test-data/h2-interrupt-" + UUID.randomUUID()).toAbsolutePath();
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:h2:file:" + dir + "/db");
            ds.setUsername("sa");
            new H2Durability().postProcessBeforeInitialization(ds, "dataSource");
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            jdbc.execute("CREATE TABLE t (x INT)");
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                Thread.currentThread().interrupt();
                st.executeUpdate("INSERT INTO t VALUES (1)");
            } finally {
                Thread.interrupted();
            }
            jdbc.update("INSERT INTO t VALUES (2)");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isEqualTo(2);
        }
    }
}
