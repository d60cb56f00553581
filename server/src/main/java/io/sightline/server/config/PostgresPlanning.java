package io.sightline.server.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL plans every statement for the values it is given. By default a statement run more
 * than five times on one connection gets a generic plan, made once for any value; the query
 * engine's statements have one text whatever a client filters on, and a plan right for a tag on
 * a tenth of the cases is wrong by two orders of magnitude for a tag on a thousandth (bench scale,
 * docs/scale/: a tag filter's p95 went from 1.5 s to milliseconds). Planning costs well under a
 * millisecond. H2 takes no such setting; an {@code options} value in the JDBC URL wins over this one.
 */
@Component
class PostgresPlanning implements BeanPostProcessor {
    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !hikari.getDataSourceProperties().containsKey("options")) {
            hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
        }
        return bean;
    }
}
