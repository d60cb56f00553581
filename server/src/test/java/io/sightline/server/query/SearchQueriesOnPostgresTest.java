package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresDatabase.class)
class SearchQueriesOnPostgresTest extends SearchQueriesContract {
    @Autowired
    JdbcTemplate jdbc;

    /** A query's plan is made for the values it is asked with, however often its text was seen (config/PostgresPlanning). */
    @Test
    void everyConnectionPlansAStatementForItsValues() {
        for (int i = 0; i < 12; i++) {
            assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
        }
    }
}
