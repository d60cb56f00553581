package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.PostgresDatabase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class SearchQueriesOnPostgresTest extends SearchQueriesContract {
    private static final String SEARCH = "SELECT COUNT(*) FROM case_record WHERE LOWER(title) LIKE ?";

    @Autowired
    DataSource dataSource;

    /**
     * The query engine's statements are planned for the values they are run with, however often
     * their text was seen (PerValuePlanningJdbc): never prepared on the server, where they could
     * get one generic plan; an ordinary statement on the same connection is, after five runs.
     */
    @Test
    void queryEngineStatementsArePlannedForTheirValues() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcTemplate engine = new PerValuePlanningJdbc(one);
            JdbcTemplate ordinary = new JdbcTemplate(one);
            for (int i = 0; i < 12; i++) engine.queryForObject(SEARCH, Long.class, "%word" + i + "%");
            assertThat(preparedOnServer(ordinary)).isZero();
            for (int i = 0; i < 12; i++) ordinary.queryForObject(SEARCH, Long.class, "%word" + i + "%");
            assertThat(preparedOnServer(ordinary)).isEqualTo(1);
        }
    }

    private static long preparedOnServer(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE ?", Long.class,
                "SELECT COUNT(*) FROM case_record WHERE LOWER(title) LIKE $1%");
    }
}
