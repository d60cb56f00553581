package io.sightline.server.connectors.config;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.ProxySettings;
import io.sightline.integrations.http.RetryPolicy;
import io.sightline.integrations.http.TlsSettings;
import java.nio.file.Path;
import java.util.List;

import static io.sightline.server.connectors.config.ConfigSpec.Type.BOOLEAN;
import static io.sightline.server.connectors.config.ConfigSpec.Type.DURATION;
import static io.sightline.server.connectors.config.ConfigSpec.Type.INTEGER;
import static io.sightline.server.connectors.config.ConfigSpec.Type.PATH;
import static io.sightline.server.connectors.config.ConfigSpec.Type.SECRET;
import static io.sightline.server.connectors.config.ConfigSpec.Type.STRING;
import static io.sightline.server.connectors.config.ConfigSpec.Type.URL;

/**
 * The per-server keys every HTTP connector shares, in TheHive's layout: {@code name}, {@code url},
 * {@code auth { type, key | username + password }} and {@code wsConfig { ssl, proxy, timeout }},
 * and their mapping onto the shared HTTP layer's {@link HttpTargetConfig}.
 *
 * <p>{@code wsConfig} accepts the Play WS keys that mean something here:
 * {@code ssl.loose.acceptAnyCertificate} (no certificate or host name check; loud warning),
 * {@code ssl.trustManager.stores[] {type = PEM, path}} or the shorter {@code ssl.trustedCaFile}
 * (extra CAs), {@code proxy {host, port}}, {@code timeout {connection, request, idle}} (nested
 * or as TheHive's quoted dotted keys), {@code maxRequestRetry}, {@code maxConnectionsPerHost}
 * and {@code userAgent}; {@code followRedirects}, {@code useProxyProperties},
 * {@code compressionEnabled} and {@code keepAlive} are accepted and have no effect.
 */
public final class HttpServerSettings {
    public static final List<String> AUTH_TYPES = List.of("key", "bearer", "basic", "none");

    private HttpServerSettings() {}

    /**
     * {@code name}, {@code url}, {@code auth} and {@code wsConfig}; a connector adds its own keys to
     * the returned spec.
     *
     * @param defaultAuthType auth type used when {@code auth.type} is absent and a key is given
     *                        ({@code key} for MISP, {@code bearer} for Cortex)
     */
    public static ConfigSpec serverSpec(String defaultAuthType) {
        return ConfigSpec.create()
                .required("name", STRING)
                .required("url", URL)
                .block("auth", authSpec(defaultAuthType))
                .block("wsConfig", wsConfigSpec());
    }

    public static ConfigSpec authSpec(String defaultAuthType) {
        return ConfigSpec.create()
                .choice("type", null, AUTH_TYPES)
                .optional("key", SECRET, null)
                .optional("username", STRING, null)
                .optional("password", SECRET, null)
                .rule((auth, errors) -> {
                    String type = effectiveAuthType(auth, defaultAuthType);
                    if ((type.equals("key") || type.equals("bearer")) && !auth.has("key")) {
                        errors.add("auth type " + type + " needs auth.key");
                    }
                    if (type.equals("basic") && (!auth.has("username") || !auth.has("password"))) {
                        errors.add("auth type basic needs auth.username and auth.password");
                    }
                });
    }

    public static ConfigSpec wsConfigSpec() {
        ConfigSpec loose = ConfigSpec.create()
                .optional("acceptAnyCertificate", BOOLEAN, false)
                .optional("disableHostnameVerification", BOOLEAN, false);
        ConfigSpec store = ConfigSpec.create()
                .choice("type", "PEM", List.of("PEM"))
                .required("path", PATH)
                .optional("password", SECRET, null);
        ConfigSpec ssl = ConfigSpec.create()
                .block("loose", loose)
                .block("trustManager", ConfigSpec.create().blockList("stores", store, false))
                .optional("trustedCaFile", PATH, null)
                .rule((s, errors) -> {
                    ConfigBlock l = s.block("loose");
                    if (l.bool("disableHostnameVerification") && !l.bool("acceptAnyCertificate")) {
                        errors.add("ssl.loose.disableHostnameVerification alone is not supported: add the server's CA "
                                + "(ssl.trustedCaFile) or set ssl.loose.acceptAnyCertificate");
                    }
                    int cas = s.block("trustManager").blocks("stores").size() + (s.has("trustedCaFile") ? 1 : 0);
                    if (cas > 1) errors.add("give one CA file (ssl.trustedCaFile or one PEM trust store), not " + cas);
                });
        ConfigSpec proxy = ConfigSpec.create()
                .required("host", STRING)
                .optional("port", INTEGER, 3128)
                .choice("protocol", "http", List.of("http", "https"))
                .rule((p, errors) -> {
                    if (p.present() && p.has("port") && (p.integer("port") < 1 || p.integer("port") > 65535)) {
                        errors.add("proxy.port must be between 1 and 65535");
                    }
                });
        ConfigSpec timeout = ConfigSpec.create()
                .optional("connection", DURATION, HttpTargetConfig.DEFAULT_CONNECT_TIMEOUT)
                .optional("request", DURATION, HttpTargetConfig.DEFAULT_REQUEST_TIMEOUT)
                .optional("idle", DURATION, null);
        return ConfigSpec.create()
                .block("ssl", ssl)
                .block("proxy", proxy)
                .block("timeout", timeout)
                .optional("maxRequestRetry", INTEGER, null)
                .optional("maxConnectionsPerHost", INTEGER, null)
                .optional("userAgent", STRING, null)
                .optional("followRedirects", BOOLEAN, null)
                .optional("useProxyProperties", BOOLEAN, null)
                .optional("compressionEnabled", BOOLEAN, null)
                .optional("keepAlive", BOOLEAN, null);
    }

    public static String effectiveAuthType(ConfigBlock auth, String defaultAuthType) {
        return auth.optionalString("type").orElse(auth.has("key") ? defaultAuthType : "none");
    }

    public static HttpAuth auth(ConfigBlock auth, String defaultAuthType) {
        return switch (effectiveAuthType(auth, defaultAuthType)) {
            case "key" -> HttpAuth.rawKey(auth.string("key"));
            case "bearer" -> HttpAuth.bearer(auth.string("key"));
            case "basic" -> HttpAuth.basic(auth.string("username"), auth.string("password"));
            default -> HttpAuth.none();
        };
    }

    /**
     * The HTTP layer's settings for one validated server block.
     *
     * @param targetName name used in errors and health, e.g. {@code "misp:MISP Server"}
     */
    public static HttpTargetConfig toTarget(String targetName, ConfigBlock server, String defaultAuthType) {
        ConfigBlock ws = server.block("wsConfig");
        ConfigBlock ssl = ws.block("ssl");
        Path ca = ssl.optionalPath("trustedCaFile").orElse(null);
        for (ConfigBlock s : ssl.block("trustManager").blocks("stores")) ca = s.optionalPath("path").orElse(ca);
        HttpTargetConfig.Builder b = HttpTargetConfig.builder(targetName, server.uri("url").toString())
                .auth(auth(server.block("auth"), defaultAuthType))
                .tls(new TlsSettings(ssl.block("loose").bool("acceptAnyCertificate"), ca))
                .connectTimeout(ws.block("timeout").duration("connection"))
                .requestTimeout(ws.block("timeout").duration("request"));
        ConfigBlock proxy = ws.block("proxy");
        if (proxy.present()) b.proxy(new ProxySettings(proxy.string("host"), proxy.integer("port")));
        ws.optionalInteger("maxRequestRetry").ifPresent(n -> b.retry(RetryPolicy.of(n + 1,
                RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff())));
        ws.optionalInteger("maxConnectionsPerHost").ifPresent(b::maxConcurrentRequests);
        ws.optionalString("userAgent").ifPresent(b::userAgent);
        return b.build();
    }
}
