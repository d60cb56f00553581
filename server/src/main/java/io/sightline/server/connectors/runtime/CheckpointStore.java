package io.sightline.server.connectors.runtime;

import io.sightline.server.connectors.spi.Checkpoint;

import java.lang.management.ManagementFactory;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checkpoints per (connector, partition), table {@code connector_checkpoint}. A checkpoint is
 * only worth something if it never runs ahead of the data it covers, so {@link #commit} refuses
 * to run outside a transaction: the connector calls it in the same transaction that writes the
 * data, and both commit or roll back together.
 */
@Repository
public class CheckpointStore {
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private volatile String upsert;

    public CheckpointStore(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Optional<Checkpoint> get(String connector, String partition) {
        return jdbc.sql("SELECT * FROM connector_checkpoint WHERE connector = ? AND partition_key = ?")
                .params(connector, partition).query(CheckpointStore::map).optional();
    }

    public List<Checkpoint> list(String connector) {
        return jdbc.sql("SELECT * FROM connector_checkpoint WHERE connector = ? ORDER BY partition_key")
                .params(connector).query(CheckpointStore::map).list();
    }

    /**
     * Saves the checkpoint in the caller's transaction.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void commit(String connector, String partition, String value) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Checkpoint of " + connector + "/" + partition
                    + " must be committed inside the transaction that writes the data it covers");
        }
        write(connector, partition, value, INSTANCE);
    }

    /** Overwrites a checkpoint (admin reset); runs in the caller's transaction with the audit entry. */
    Checkpoint reset(String connector, String partition, String value, String by) {
        write(connector, partition, value, by);
        return get(connector, partition).orElseThrow();
    }

    private void write(String connector, String partition, String value, String by) {
        if (value == null) throw new IllegalArgumentException("checkpoint value must not be null");
        if (value.length() > Checkpoint.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("checkpoint value is " + value.length() + " characters long, at most "
                    + Checkpoint.MAX_VALUE_LENGTH + " are stored");
        }
        jdbc.sql(upsertSql()).params(connector, partition, value, clock.millis(), by).update();
    }

    /** One atomic statement per dialect, so that two first commits cannot collide. */
    private String upsertSql() {
        String sql = upsert;
        if (sql == null) {
            String product;
            try {
                product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("Cannot tell which database holds the checkpoints", e);
            }
            sql = product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? """
                      INSERT INTO connector_checkpoint (connector, partition_key, checkpoint_value, updated_at, updated_by)
                      VALUES (?, ?, ?, ?, ?)
                      ON CONFLICT (connector, partition_key) DO UPDATE SET checkpoint_value = EXCLUDED.checkpoint_value,
                      updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by"""
                    : """
                      MERGE INTO connector_checkpoint (connector, partition_key, checkpoint_value, updated_at, updated_by)
                      KEY (connector, partition_key) VALUES (?, ?, ?, ?, ?)""";
            upsert = sql;
        }
        return sql;
    }

    private static Checkpoint map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Checkpoint(rs.getString("connector"), rs.getString("partition_key"), rs.getString("checkpoint_value"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getString("updated_by"));
    }
}
