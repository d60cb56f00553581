package io.sightline.server.config;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Makes H2 write each commit to its file before the commit returns, so an acknowledged write
 * survives a crash of the hub's process (docs/durability.md).
 *
 * <p>H2's WRITE_DELAY (500 ms by default) keeps committed changes in memory for up to that long;
 * a killed process loses them although the client was told they were saved. With WRITE_DELAY=0
 * every commit is written (write(2), not fsync) before it returns. H2 reads the setting from the
 * URL each time the database opens (a {@code SET WRITE_DELAY} stored in the database is replaced
 * by the URL's value or the default at the next open), so it belongs in the URL: this adds it to
 * any H2 URL that does not state it, whatever configured the URL. A URL that states WRITE_DELAY
 * keeps its value, with a warning when that value can lose writes.
 */
@Component
public class H2Durability implements BeanPostProcessor, Ordered {
    private static final Logger log = LoggerFactory.getLogger(H2Durability.class);
    static final String SETTING = "WRITE_DELAY";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null) {
            String url = ds.getJdbcUrl();
            String durable = durableUrl(url);
            if (!durable.equals(url)) ds.setJdbcUrl(durable);
            else if (writeDelay(url) > 0) {
                log.warn("The H2 URL sets {}={}: writes acknowledged in the last {} ms before a crash can be lost",
                        SETTING, writeDelay(url), writeDelay(url));
            }
        }
        return bean;
    }

    /** The URL with {@code ;WRITE_DELAY=0} added when it is an H2 database on disk that does not set it. */
    public static String durableUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")) return url;
        if (writeDelay(url) >= 0) return url;
        return url + ";" + SETTING + "=0";
    }

    /** The URL's WRITE_DELAY in milliseconds, or -1 when it has none. */
    static int writeDelay(String url) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && parts[i].substring(0, eq).trim().equalsIgnoreCase(SETTING)) {
                try {
                    return Integer.parseInt(parts[i].substring(eq + 1).trim());
                } catch (NumberFormatException e) {
                    return 0; // H2 refuses the URL itself, with a clearer message
                }
            }
        }
        return -1;
    }

    @Override
    public int getOrder() {
        // after the binding of spring.datasource.hikari.*, which may set the URL too
        return Ordered.LOWEST_PRECEDENCE;
    }
}
