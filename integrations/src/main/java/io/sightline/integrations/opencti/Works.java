package io.sightline.integrations.opencti;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works as the connector opens and closes them: every work opened is closed, as done or in error,
 * whatever happens inside (the closing message names the failure with its stack trace, like the
 * original connector's {@code "[Stixify] Work failed - <traceback>"}).
 */
public final class Works {
    private static final Logger log = LoggerFactory.getLogger(Works.class);
    private static final int MAX_MESSAGE = 8_000;

    private final OpenCtiClient client;
    private final String connectorId;
    private final String label;

    /** @param label the prefix of closing messages, e.g. {@code "[Stixify]"} */
    public Works(OpenCtiClient client, String connectorId, String label) {
        this.client = client;
        this.connectorId = connectorId;
        this.label = label;
    }

    /** A unit of work that receives its work id. */
    @FunctionalInterface
    public interface Body<T> {
        T run(String workId) throws Exception;
    }

    /**
     * Opens a work named {@code name}, runs {@code body}, and closes the work: done when the body
     * returns, in error when it throws (the exception is then rethrown).
     */
    public <T> T inWork(String name, Body<T> body) throws Exception {
        String workId = client.workAdd(connectorId, name);
        try {
            T result = body.run(workId);
            close(workId, label + " Work done", false);
            return result;
        } catch (Exception | Error e) {
            close(workId, label + " Work failed - " + trace(e), true);
            throw e;
        }
    }

    private void close(String workId, String message, boolean inError) {
        try {
            client.workToProcessed(workId, message, inError);
        } catch (RuntimeException e) {
            log.warn("Could not close work {}: {}", workId, e.getMessage());
        }
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }
}
