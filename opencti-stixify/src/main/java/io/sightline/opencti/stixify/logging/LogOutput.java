package io.sightline.opencti.stixify.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.event.Level;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connector's log lines on stderr: plain text, or with {@code OPENCTI_JSON_LOGGING=true} one
 * JSON object per line as pycti's logger writes them (python-json-logger with the format
 * {@code %(timestamp)s %(level)s %(name)s %(message)s}): {@code timestamp} (UTC, microseconds),
 * {@code level} (Python's names: DEBUG, INFO, WARNING, ERROR), {@code name}, {@code message}, and
 * {@code exc_info} with the stack trace when there is one.
 */
public final class LogOutput {
    private static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PLAIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static volatile LogOutput current = new LogOutput(Level.INFO, false, System.err);

    private final Level threshold;
    private final boolean json;
    private final PrintStream out;

    public LogOutput(Level threshold, boolean json, PrintStream out) {
        this.threshold = threshold;
        this.json = json;
        this.out = out;
    }

    /** Set once at start, before or after loggers exist: every logger writes through the current output. */
    public static void configure(LogOutput output) {
        current = output;
    }

    static LogOutput current() {
        return current;
    }

    boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    void write(Level level, String name, String message, Throwable error) {
        if (!enabled(level)) return;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String line = json ? jsonLine(now, level, name, message, error) : plainLine(now, level, name, message, error);
        synchronized (out) {
            out.print(line);
            out.flush();
        }
    }

    private static String jsonLine(Instant now, Level level, String name, String message, Throwable error) {
        StringWriter text = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(text)) {
            gen.writeStartObject();
            gen.writeStringProperty("timestamp", JSON_TIME.format(now));
            gen.writeStringProperty("level", level == Level.WARN ? "WARNING" : level.name());
            gen.writeStringProperty("name", name);
            gen.writeStringProperty("message", message);
            if (error != null) gen.writeStringProperty("exc_info", stackTrace(error).stripTrailing());
            gen.writeEndObject();
        }
        return text + System.lineSeparator();
    }

    private static String plainLine(Instant now, Level level, String name, String message, Throwable error) {
        String line = PLAIN_TIME.format(now) + " [" + Thread.currentThread().getName() + "] " + level + " " + name + " - "
                + message + System.lineSeparator();
        return error == null ? line : line + stackTrace(error);
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
