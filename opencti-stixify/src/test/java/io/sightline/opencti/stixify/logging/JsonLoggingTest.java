package io.sightline.opencti.stixify.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OPENCTI_JSON_LOGGING=true: one JSON object per line with pycti's fields. */
class JsonLoggingTest {
    final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    final Logger log = new ConnectorLoggingProvider().getLoggerFactory().getLogger("io.sightline.opencti.stixify.StixifyConnector");

    @AfterEach
    void restore() {
        LogOutput.configure(new LogOutput(Level.INFO, false, System.err));
    }

    List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void eachLogCallIsOneJsonObjectWithPyctiFields() {
        LogOutput.configure(new LogOutput(Level.INFO, true, new PrintStream(captured, true, StandardCharsets.UTF_8)));
        log.debug("not shown at info");
        log.info("Run finished: {} report(s), {} object(s) delivered", 2, 1500);
        log.warn("Ping to OpenCTI failed: {}", "timeout\nafter 30 s");
        log.error("Connector run failed", new IllegalStateException("broker gone"));

        List<String> lines = lines();
        assertThat(lines).hasSize(3);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode info = json.readTree(lines.get(0));
        assertThat(info.propertyNames()).containsExactly("timestamp", "level", "name", "message");
        assertThat(info.path("timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(info.path("level").asString()).isEqualTo("INFO");
        assertThat(info.path("name").asString()).isEqualTo("io.sightline.opencti.stixify.StixifyConnector");
        assertThat(info.path("message").asString()).isEqualTo("Run finished: 2 report(s), 1500 object(s) delivered");
        JsonNode warn = json.readTree(lines.get(1));
        assertThat(warn.path("level").asString()).isEqualTo("WARNING");
        assertThat(warn.path("message").asString()).isEqualTo("Ping to OpenCTI failed: timeout\nafter 30 s");
        JsonNode error = json.readTree(lines.get(2));
        assertThat(error.path("level").asString()).isEqualTo("ERROR");
        assertThat(error.path("exc_info").asString()).startsWith("java.lang.IllegalStateException: broker gone")
                .contains("at io.sightline.opencti.stixify.logging.JsonLoggingTest");
    }

    @Test
    void plainTextStaysOneReadableLinePerCall() {
        LogOutput.configure(new LogOutput(Level.WARN, false, new PrintStream(captured, true, StandardCharsets.UTF_8)));
        log.info("hidden");
        log.warn("Stored connector state is not a JSON object");
        assertThat(lines()).singleElement().asString()
                .endsWith(" WARN io.sightline.opencti.stixify.StixifyConnector - Stored connector state is not a JSON object");
    }
}
