package io.sightline.server.auth;

import io.sightline.server.common.SqlDialect;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class OrganisationRepository {
    private static final RowMapper<Organisation> ROW = (rs, i) ->
            new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("created_at"));
    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    public OrganisationRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public Organisation create(String name, String description, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO organisation (name, description, created_at) VALUES (?, ?, ?)")
                .params(name, description, now).update(keys, "id");
        return new Organisation(keys.getKey().longValue(), name, description, now);
    }

    public Optional<Organisation> findByName(String name) {
        return jdbc.sql("SELECT * FROM organisation WHERE name = ?").param(name).query(ROW).optional();
    }

    public Optional<Organisation> findById(long id) {
        return jdbc.sql("SELECT * FROM organisation WHERE id = ?").param(id).query(ROW).optional();
    }

    public List<Organisation> all() {
        return jdbc.sql("SELECT * FROM organisation ORDER BY name").query(ROW).list();
    }

    public void update(long id, String description) {
        jdbc.sql("UPDATE organisation SET description = ? WHERE id = ?").params(description, id).update();
    }

    /**
     * PostgreSQL: takes the next case number of the organisation {@code ?} and returns it as
     * {@code number}: the body of a CTE, for a statement that numbers and creates a case at once.
     */
    public static final String NEXT_CASE_NUMBER_CTE =
            "UPDATE organisation SET next_case_number = next_case_number + 1 WHERE id = ? RETURNING next_case_number - 1 AS number";

    /** Takes the organisation's next case number; its row stays locked until the transaction ends. */
    public long nextCaseNumber(long orgId) {
        if (dialect.postgres()) {
            return jdbc.sql(NEXT_CASE_NUMBER_CTE).param(orgId).query(Long.class).single();
        }
        jdbc.sql("UPDATE organisation SET next_case_number = next_case_number + 1 WHERE id = ?").param(orgId).update();
        return jdbc.sql("SELECT next_case_number - 1 FROM organisation WHERE id = ?").param(orgId).query(Long.class).single();
    }
}
