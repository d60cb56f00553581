package io.sightline.server.connectors.spi;

/** State of one remote server, with TheHive's names as its About view shows them. */
public enum ServerStatus {
    OK,
    /** Unreachable, TLS failure, 5xx, unexpected answer. */
    ERROR,
    /** Reachable but the key was refused. */
    AUTH_ERROR,
    /** Declared but not checked yet. */
    CHECKING
}
