package io.sightline.server.query;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query engine's statements, planned by PostgreSQL for the values of each run. A statement
 * the driver has prepared on the server may get a generic plan after five runs, made once for any
 * value; the query engine's statements have one text whatever a client filters on, and the right
 * plan depends on the value: a word in 0.01 % of the cases is found through the trigram indexes, a
 * word in 10 % by walking the newest cases (bench scale, docs/scale/), and one generic plan would
 * serve one of them badly. So these statements are never prepared on the server (an unnamed
 * statement is planned at each run); every other statement of the hub keeps its cached plan,
 * which its fixed shape suits and its hot paths need. H2 has no such distinction.
 */
final class PerValuePlanningJdbc extends JdbcTemplate {
    PerValuePlanningJdbc(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        if (statement.isWrapperFor(PGStatement.class)) statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
}
