package io.sightline.integrations.http;

/** An HTTP proxy (CONNECT for https targets) used for one target. */
public record ProxySettings(String host, int port) {

    public ProxySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxy host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be between 1 and 65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
