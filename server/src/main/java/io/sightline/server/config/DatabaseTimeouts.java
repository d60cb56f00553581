package io.sightline.server.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Network timeouts of the PostgreSQL driver, so that an unreachable database fails a call within
 * seconds (answered 503) instead of hanging it: without them a connection attempt waits for the
 * kernel's TCP retries (about two minutes) and a read on a partitioned connection forever.
 * H2 runs in the process and takes no such settings. A value in the JDBC URL wins over these.
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {
    private final int connectSeconds;
    private final int socketSeconds;

    DatabaseTimeouts(@Value("${sightline.database.connect-timeout-seconds:3}") int connectSeconds,
                     @Value("${sightline.database.socket-timeout-seconds:600}") int socketSeconds) {
        this.connectSeconds = connectSeconds;
        this.socketSeconds = socketSeconds;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            setIfAbsent(hikari, "connectTimeout", String.valueOf(connectSeconds));
            // The longest single statement must fit in it: no API statement comes near, and MISP
            // imports write in bounded batches, so ten minutes only ever cuts a dead connection.
            setIfAbsent(hikari, "socketTimeout", String.valueOf(socketSeconds));
            setIfAbsent(hikari, "tcpKeepAlive", "true");
        }
        return bean;
    }

    private static void setIfAbsent(HikariDataSource hikari, String key, String value) {
        if (!hikari.getDataSourceProperties().containsKey(key)) hikari.addDataSourceProperty(key, value);
    }
}
