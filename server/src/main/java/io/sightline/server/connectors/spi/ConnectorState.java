package io.sightline.server.connectors.spi;

/** Life cycle of a connector as the runtime drives it. */
public enum ConnectorState {
    /** Configured off, or not started yet. */
    STOPPED,
    /** {@link Connector#start} is running. */
    STARTING,
    RUNNING,
    /** Start failed or the connector raised an error; the reason is in the health. */
    FAILED
}
