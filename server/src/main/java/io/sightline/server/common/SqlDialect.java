package io.sightline.server.common;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/** Which database holds the data: PostgreSQL gets single-statement writes, anything else the portable path. */
@Component
public class SqlDialect {
    private final boolean postgres;

    public SqlDialect(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            this.postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the hub uses", e);
        }
    }

    public boolean postgres() {
        return postgres;
    }
}
