package io.sightline.server.connectors.spi;

/** A connector's overall status, TheHive's words; {@link ConnectorHealth} says how it is derived. */
public enum HealthStatus {
    OK,
    WARNING,
    ERROR,
    /** No server checked yet. */
    CHECKING;

    /** True when the connector's servers answer (OK or WARNING): the metric's 1. */
    public boolean answering() {
        return this == OK || this == WARNING;
    }
}
