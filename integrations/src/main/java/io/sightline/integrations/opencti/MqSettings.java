package io.sightline.integrations.opencti;

/**
 * RabbitMQ connection handed out by {@code registerConnector} ({@code config.connection}),
 * possibly overridden by the {@code MQ_*} settings. The password never appears in {@link #toString()}.
 */
public record MqSettings(String host, int port, String vhost, boolean useSsl, String user, String password) {

    /** Applies the non-null overrides, as pycti does with {@code MQ_HOST}, {@code MQ_PORT}, ... */
    public MqSettings withOverrides(MqOverrides o) {
        return new MqSettings(
                o.host() != null ? o.host() : host,
                o.port() != null ? o.port() : port,
                o.vhost() != null ? o.vhost() : vhost,
                o.useSsl() != null ? o.useSsl() : useSsl,
                o.user() != null ? o.user() : user,
                o.password() != null ? o.password() : password);
    }

    @Override
    public String toString() {
        return "MqSettings[" + user + "@" + host + ":" + port + "/" + vhost + (useSsl ? ", ssl" : "") + "]";
    }

    /** {@code MQ_*} values; null means "keep what the platform returned". */
    public record MqOverrides(String host, Integer port, String vhost, Boolean useSsl, String user, String password) {
        public static final MqOverrides NONE = new MqOverrides(null, null, null, null, null, null);

        @Override
        public String toString() {
            return "MqOverrides[" + user + "@" + host + ":" + port + "/" + vhost + "]";
        }
    }
}
