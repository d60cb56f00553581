package io.sightline.server.connectors.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Per-server TLS, proxy, timeouts and auth map onto the shared HTTP layer's target config. */
class HttpServerSettingsTest {

    @Test
    void mapsTlsProxyTimeoutsRetriesAndAuth(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        var env = SampleSpecs.yaml("""
                misp:
                  servers:
                    - name: trusted
                      url: https://misp.internal:8443/
                      auth: { type: key, key: raw-key-value }
                      wsConfig:
                        ssl: { trustManager: { stores: [ { type: PEM, path: "%s" } ] } }
                        proxy: { host: proxy.internal, port: 3129 }
                        timeout: { connection: 4s, request: 90 seconds }
                        maxRequestRetry: 2
                        maxConnectionsPerHost: 6
                    - name: loose
                      url: https://misp.lab
                      auth: { type: bearer, key: bearer-key-value }
                      wsConfig.ssl.loose.acceptAnyCertificate: true
                """.formatted(ca));
        var servers = ConnectorConfigReader.read(env, "misp", SampleSpecs.misp()).blocks("servers");

        var trusted = HttpServerSettings.toTarget("misp:trusted", servers.get(0), "key");
        assertThat(trusted.baseUri().toString()).isEqualTo("https://misp.internal:8443");
        assertThat(trusted.tls().acceptAnyCertificate()).isFalse();
        assertThat(trusted.tls().trustedCaPem()).isEqualTo(ca);
        assertThat(trusted.proxy().toString()).isEqualTo("proxy.internal:3129");
        assertThat(trusted.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(trusted.requestTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(trusted.retry().maxAttempts()).isEqualTo(3);
        assertThat(trusted.maxConcurrentRequests()).isEqualTo(6);
        assertThat(trusted.auth().secrets()).containsExactly("raw-key-value");
        assertThat(trusted.toString()).doesNotContain("raw-key-value");

        var loose = HttpServerSettings.toTarget("misp:loose", servers.get(1), "key");
        assertThat(loose.tls().acceptAnyCertificate()).isTrue();
        assertThat(loose.proxy()).isNull();
        assertThat(loose.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(loose.auth().toString()).isEqualTo("bearer(****)");
    }

    @Test
    void refusesTlsAndProxySettingsThatCannotBeHonoured() {
        var env = SampleSpecs.yaml("""
                misp:
                  servers:
                    - name: a
                      url: https://a.example
                      wsConfig:
                        ssl:
                          loose: { disableHostnameVerification: true }
                          trustedCaFile: /no/such/ca.pem
                        proxy: { port: 70000, principal: bob }
                        timeout: { request: soon }
                """);
        var error = catchThrowableOfType(ConnectorConfigException.class,
                () -> ConnectorConfigReader.read(env, "misp", SampleSpecs.misp()));
        assertThat(error.errors()).containsExactlyInAnyOrder(
                "misp.servers[0].wsConfig.ssl.trustedCaFile: file /no/such/ca.pem does not exist or cannot be read",
                "misp.servers[0].wsConfig.ssl: ssl.loose.disableHostnameVerification alone is not supported: add the "
                        + "server's CA (ssl.trustedCaFile) or set ssl.loose.acceptAnyCertificate",
                "misp.servers[0].wsConfig.proxy.principal: unknown key; accepted keys: host, port, protocol",
                "misp.servers[0].wsConfig.proxy.host: required key is missing",
                "misp.servers[0].wsConfig.proxy: proxy.port must be between 1 and 65535",
                "misp.servers[0].wsConfig.timeout.request: 'soon' is not a duration; write e.g. '1 hour', '1h' or 'PT1H'");
    }
}
