package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.stixify.SyncResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS to RabbitMQ with the MQ_USE_SSL_* settings, against a real TLS listener requiring a client certificate. */
class MqTlsTest {
    @TempDir
    Path dir;
    SyncEnvironment env;
    TestPki pki;
    TlsTerminator tls;
    String dossier;

    @BeforeEach
    void start() throws Exception {
        env = new SyncEnvironment();
        pki = new TestPki(dir);
        tls = new TlsTerminator(pki, env.broker.host(), env.broker.port());
        dossier = env.dossierWithSamples("report-rat-c2.json");
    }

    @AfterEach
    void stop() throws Exception {
        tls.close();
        env.close();
    }

    Map<String, String> tlsEnv() {
        Map<String, String> vars = env.env("amqp", List.of(dossier));
        vars.put("MQ_HOST", "127.0.0.1");
        vars.put("MQ_PORT", String.valueOf(tls.port()));
        vars.put("MQ_USE_SSL", "true");
        vars.put("MQ_USE_SSL_REJECT_UNAUTHORIZED", "true");
        vars.put("MQ_USE_SSL_CA", pki.file("ca.pem").toString());
        vars.put("MQ_USE_SSL_CERT", pki.file("client.pem").toString());
        vars.put("MQ_USE_SSL_KEY", pki.file("client-key.pem").toString());
        return vars;
    }

    @Test
    void reportsArePublishedOverTlsWithAVerifiedBrokerAndAClientCertificate() throws Exception {
        try (StixifyConnector connector = StixifyConnector.start(ConnectorConfig.load(new ConfigSource(tlsEnv(), null)))) {
            SyncResult result = connector.runOnce();
            assertThat(result.succeeded()).isTrue();
            assertThat(result.objectsDelivered()).isPositive();
        }
        env.awaitSettled();
        assertThat(env.received(env.works("Dossier: Alpha (" + dossier + ")").get(0))).isNotEmpty();
    }

    @Test
    void encryptedClientKeysAreDecryptedWithThePassphraseAndAcceptedByTheBroker() throws Exception {
        for (Path key : List.of(EncryptedPem.pkcs8(pki.file("client-key.pem"), dir.resolve("client-key-pkcs8-enc.pem"), "s3cret"),
                EncryptedPem.traditional(pki.file("client-key.pem"), dir.resolve("client-key-rsa-enc.pem"), "s3cret"))) {
            assertThat(java.nio.file.Files.readString(key)).contains("ENCRYPTED");
            Map<String, String> vars = tlsEnv();
            vars.put("MQ_USE_SSL_KEY", key.toString());
            vars.put("MQ_USE_SSL_PASSPHRASE", "s3cret");
            try (StixifyConnector connector = StixifyConnector.start(ConnectorConfig.load(new ConfigSource(vars, null)))) {
                SyncResult result = connector.runOnce();
                assertThat(result.succeeded()).as(key.getFileName().toString()).isTrue();
                assertThat(result.objectsDelivered()).as(key.getFileName().toString()).isPositive();
            }
            env.awaitSettled();
            // The next key must publish the report again.
            env.platform.resetState(env.connectorId);
        }
        env.awaitSettled();
        assertThat(env.works("Dossier: Alpha (" + dossier + ")")).hasSize(2);
    }

    @Test
    void withoutTheClientCertificateTheBrokerRefusesAndTheReportFails() throws Exception {
        Map<String, String> vars = tlsEnv();
        vars.remove("MQ_USE_SSL_CERT");
        vars.remove("MQ_USE_SSL_KEY");
        try (StixifyConnector connector = StixifyConnector.start(ConnectorConfig.load(new ConfigSource(vars, null)))) {
            assertThat(connector.runOnce().succeeded()).isFalse();
        }
    }

    @Test
    void badTlsSettingsAreConfigurationErrorsNamingTheSetting() throws Exception {
        Map<String, String> missingCa = tlsEnv();
        missingCa.put("MQ_USE_SSL_CA", dir.resolve("nowhere.pem").toString());
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(missingCa, null)))
                .hasMessageContaining("MQ_USE_SSL_CA (mq.use_ssl_ca) names a file that does not exist");

        Map<String, String> wrongKey = tlsEnv();
        wrongKey.put("MQ_USE_SSL_KEY", pki.file("other-key.pem").toString());
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(wrongKey, null)))
                .hasMessageContaining("MQ_USE_SSL_KEY (mq.use_ssl_key) does not match the certificate");

        Map<String, String> encryptedWithoutPassphrase = tlsEnv();
        encryptedWithoutPassphrase.put("MQ_USE_SSL_KEY", EncryptedPem.pkcs8(pki.file("client-key.pem"), dir.resolve("enc.pem"), "s3cret").toString());
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(encryptedWithoutPassphrase, null)))
                .hasMessageContaining("MQ_USE_SSL_KEY (mq.use_ssl_key) is encrypted: set MQ_USE_SSL_PASSPHRASE (mq.use_ssl_passphrase)");
        Map<String, String> wrongPassphrase = new java.util.HashMap<>(encryptedWithoutPassphrase);
        wrongPassphrase.put("MQ_USE_SSL_PASSPHRASE", "not-it");
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(wrongPassphrase, null)))
                .hasMessageContaining("MQ_USE_SSL_PASSPHRASE (mq.use_ssl_passphrase) does not decrypt MQ_USE_SSL_KEY (mq.use_ssl_key)")
                .hasMessageNotContaining("not-it");
        wrongPassphrase.put("MQ_USE_SSL_KEY", EncryptedPem.traditional(pki.file("client-key.pem"), dir.resolve("enc-rsa.pem"), "s3cret").toString());
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(wrongPassphrase, null)))
                .hasMessageContaining("MQ_USE_SSL_PASSPHRASE (mq.use_ssl_passphrase) does not decrypt MQ_USE_SSL_KEY (mq.use_ssl_key)");

        Map<String, String> caBundle = tlsEnv();
        caBundle.put("OPENCTI_SSL_VERIFY", dir.resolve("missing-bundle.pem").toString());
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(caBundle, null)))
                .hasMessageContaining("OPENCTI_SSL_VERIFY (opencti.ssl_verify) is neither true/false nor a readable CA bundle");
        caBundle.put("OPENCTI_SSL_VERIFY", pki.file("ca.pem").toString());
        assertThat(ConnectorConfig.load(new ConfigSource(caBundle, null)).sslCaBundle()).isEqualTo(pki.file("ca.pem"));

        Map<String, String> serviceAccount = tlsEnv();
        serviceAccount.put("CONNECTOR_SEND_TO_S3", "true");
        assertThatThrownBy(() -> ConnectorConfig.load(new ConfigSource(serviceAccount, null)))
                .hasMessageContaining("CONNECTOR_SEND_TO_S3 (connector.send_to_s3) is not supported");
    }
}
