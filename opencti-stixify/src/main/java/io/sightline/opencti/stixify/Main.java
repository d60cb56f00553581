package io.sightline.opencti.stixify;

import io.sightline.opencti.stixify.logging.LogOutput;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.event.Level;

/**
 * {@code java -jar opencti-stixify.jar}: reads the configuration (environment, then
 * {@code config.yml} in the working folder), connects to OpenCTI and syncs the configured Stixify
 * dossiers, every {@code STIXIFY_INTERVAL_HOURS} or once with {@code CONNECTOR_RUN_AND_TERMINATE}.
 * Exit codes: 0 done, 1 configuration or start-up error, 2 the single run had failures.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        ConnectorConfig config;
        try {
            config = ConnectorConfig.load(ConfigSource.load(System.getenv(), Path.of("").toAbsolutePath()));
        } catch (ConfigException e) {
            // Nothing was sent to OpenCTI: the connector's registration stays as it is.
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        configureLogging(config.logLevel(), config.jsonLogging());
        StixifyConnector connector;
        try {
            connector = StixifyConnector.start(config);
        } catch (RuntimeException e) {
            System.err.println("Cannot start the Stixify connector: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(connector::close, "shutdown"));
        boolean ok = connector.runScheduled();
        System.exit(ok ? 0 : 2);
    }

    /** Level and format of every log line (OPENCTI_JSON_LOGGING: one JSON object per line, as pycti). */
    private static void configureLogging(String level, boolean json) {
        Level threshold = switch (level.toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            default -> Level.ERROR;
        };
        LogOutput.configure(new LogOutput(threshold, json, System.err));
    }
}
