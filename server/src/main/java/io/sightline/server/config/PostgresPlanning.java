package io.sightline.server.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL plans every statement for the values it is given. By default a statement run more
 * than five times on one connection may get a generic plan instead, made once for any value; the
 * query engine's statements have one text whatever a client filters on, and the right plan
 * depends on the value: a word in 0.01 % of the cases is found through the trigram indexes, a
 * word in 10 % by walking the newest cases (bench scale, docs/scale/), and one generic plan would
 * serve one of them badly. Planning these statements costs well under a millisecond. H2 takes no
 * such setting; an {@code options} value in the JDBC URL wins over this one.
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
