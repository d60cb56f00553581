package io.sightline.server.connectors.config;

import java.util.List;

/**
 * A connector block with one or more configuration errors. The message lists all of them, one
 * per line, with the full key path, so they can be fixed in one go.
 */
public class ConnectorConfigException extends RuntimeException {
    private final String block;
    private final List<String> errors;

    public ConnectorConfigException(String block, List<String> errors) {
        super(message(block, errors));
        this.block = block;
        this.errors = List.copyOf(errors);
    }

    public String block() {
        return block;
    }

    public List<String> errors() {
        return errors;
    }

    private static String message(String block, List<String> errors) {
        StringBuilder sb = new StringBuilder("Invalid configuration of '").append(block).append("' (")
                .append(errors.size()).append(errors.size() == 1 ? " error):" : " errors):");
        for (String e : errors) sb.append("\n  - ").append(e);
        return sb.toString();
    }
}
