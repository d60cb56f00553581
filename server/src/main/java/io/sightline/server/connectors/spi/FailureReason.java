package io.sightline.server.connectors.spi;

/** How a connector's failure is told in its health and the logs. */
public final class FailureReason {
    private FailureReason() {}

    /** A one-line human reason for an exception: its message, or its class when it has none, plus the root cause. */
    public static String of(Throwable e) {
        String own = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root != e && root.getMessage() != null && !own.contains(root.getMessage())) {
            own = own + " (" + root.getMessage() + ")";
        }
        return own.replaceAll("\\s+", " ").strip();
    }
}
