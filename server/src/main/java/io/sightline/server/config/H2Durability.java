package io.sightline.server.config;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.regex.Pattern;
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
 *
 * <p>With no delay the committing thread writes the file itself, and a thread interrupted while it
 * does (a connector stopped at shutdown, a cancelled task) would close a plain {@code FileChannel}
 * under the whole database ({@code ClosedChannelException}: every later statement fails until the
 * hub restarts). So a database file given without a file system of its own is opened through H2's
 * {@code async:} file system, whose writes finish whatever the writer's interrupt status.
 */
@Component
public class H2Durability implements BeanPostProcessor, Ordered {
    private static final Logger log = LoggerFactory.getLogger(H2Durability.class);
    static final String SETTING = "WRITE_DELAY";
    private static final String PREFIX = "jdbc:h2:";
    /** tcp:, ssl:, async:, nio:, split:... but not a Windows drive (C:\\, C:/). */
    private static final Pattern NAMES_A_SCHEME = Pattern.compile("[a-z][a-z0-9]+:");

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

    /**
     * The URL of an H2 database on disk with {@code ;WRITE_DELAY=0} added unless it sets it, and
     * with the {@code async:} file system unless it names one (or is a server's URL).
     */
    public static String durableUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(PREFIX) || lower.startsWith(PREFIX + "mem:")) return url;
        String durable = url;
        String name = lower.substring(PREFIX.length());
        if (name.startsWith("file:")) name = name.substring("file:".length());
        if (!NAMES_A_SCHEME.matcher(name).lookingAt()) {
            // jdbc:h2:[file:]PATH -> jdbc:h2:async:PATH (the same files)
            int at = PREFIX.length() + (lower.startsWith(PREFIX + "file:") ? "file:".length() : 0);
            durable = PREFIX + "async:" + url.substring(at);
        }
        if (writeDelay(url) < 0) durable += ";" + SETTING + "=0";
        return durable;
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
