package io.sightline.opencti.stixify.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger writing through the connector's {@link LogOutput}. */
final class ConnectorLogger extends LegacyAbstractLogger {
    ConnectorLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return LogOutput.current().enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return LogOutput.current().enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return LogOutput.current().enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return LogOutput.current().enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return LogOutput.current().enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable error) {
        String message = MessageFormatter.basicArrayFormat(pattern, args);
        LogOutput.current().write(level, name, message, error);
    }
}
