package io.sightline.opencti.stixify;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS to RabbitMQ as pycti sets it up from {@code MQ_USE_SSL_*}: the server certificate is checked
 * only with {@code MQ_USE_SSL_REJECT_UNAUTHORIZED=true} (pycti's default is not to), against the
 * JDK's CAs plus {@code MQ_USE_SSL_CA}; {@code MQ_USE_SSL_CERT} and {@code MQ_USE_SSL_KEY} (PEM text
 * or file path, as in pycti) present a client certificate. Every problem is a configuration problem
 * naming the setting, found before anything is sent.
 *
 * @param context         the TLS context for the AMQP connection
 * @param verifyHostname  whether the broker's host name must match its certificate
 */
public record MqTls(SSLContext context, boolean verifyHostname) {

    static MqTls load(ConfigSource c) {
        boolean verify = c.bool("MQ_USE_SSL_REJECT_UNAUTHORIZED", "mq.use_ssl_reject_unauthorized", false);
        String ca = c.raw("MQ_USE_SSL_CA", "mq.use_ssl_ca");
        String cert = c.raw("MQ_USE_SSL_CERT", "mq.use_ssl_cert");
        String key = c.raw("MQ_USE_SSL_KEY", "mq.use_ssl_key");
        String passphrase = c.raw("MQ_USE_SSL_PASSPHRASE", "mq.use_ssl_passphrase");
        try {
            TrustManager[] trust = verify ? trustManagers(c, ca) : new TrustManager[] {new TrustAll()};
            KeyManager[] keys = null;
            if (cert != null || key != null) {
                if (cert == null || key == null) {
                    c.problem("MQ_USE_SSL_CERT (mq.use_ssl_cert) and MQ_USE_SSL_KEY (mq.use_ssl_key) go together: a client "
                            + "certificate needs its key");
                    return null;
                }
                keys = keyManagers(c, cert, key, passphrase);
            }
            if (trust == null || (cert != null && keys == null)) return null;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return new MqTls(context, verify);
        } catch (java.security.GeneralSecurityException e) {
            c.problem("MQ_USE_SSL_* settings cannot be used: " + e.getMessage());
            return null;
        }
    }

    private static TrustManager[] trustManagers(ConfigSource c, String ca) throws java.security.GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            for (TrustManager tm : jdk.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate issuer : x.getAcceptedIssuers()) store.setCertificateEntry("jdk-" + store.size(), issuer);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.security.KeyStoreException(e);
        }
        if (ca != null) {
            List<Certificate> cas = certificates(c, "MQ_USE_SSL_CA (mq.use_ssl_ca)", ca);
            if (cas == null) return null;
            for (Certificate cert : cas) store.setCertificateEntry("ca-" + store.size(), cert);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(ConfigSource c, String certSetting, String keySetting, String passphrase)
            throws java.security.GeneralSecurityException {
        List<Certificate> chain = certificates(c, "MQ_USE_SSL_CERT (mq.use_ssl_cert)", certSetting);
        String keyPem = pem(c, "MQ_USE_SSL_KEY (mq.use_ssl_key)", keySetting);
        if (chain == null || keyPem == null) return null;
        PrivateKey privateKey = PemPrivateKey.read(c, keyPem, passphrase);
        if (privateKey == null) return null;
        X509Certificate leaf = (X509Certificate) chain.get(0);
        if (!matches(privateKey, leaf)) {
            c.problem("MQ_USE_SSL_KEY (mq.use_ssl_key) does not match the certificate of MQ_USE_SSL_CERT (mq.use_ssl_cert)");
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new java.security.KeyStoreException(e);
        }
        char[] password = new char[0];
        store.setKeyEntry("client", privateKey, password, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /** Signs and verifies a probe: true when the key is the certificate's. */
    private static boolean matches(PrivateKey key, X509Certificate cert) throws java.security.GeneralSecurityException {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
        byte[] probe = "sightline-key-check".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static List<Certificate> certificates(ConfigSource c, String setting, String value) {
        String text = pem(c, setting, value);
        if (text == null) return null;
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) throw new java.security.cert.CertificateException("no certificate found");
            return new ArrayList<>(certs);
        } catch (java.security.cert.CertificateException e) {
            c.problem(setting + " holds no readable PEM certificate: " + e.getMessage());
            return null;
        }
    }

    /** The PEM text itself, or the content of the file it names (pycti accepts both). */
    private static String pem(ConfigSource c, String setting, String value) {
        if (value.strip().startsWith("-----BEGIN")) return value;
        Path file = Path.of(value.strip());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            c.problem(setting + " names a file that does not exist or cannot be read: '" + value + "'");
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            c.problem(setting + " cannot be read: " + e.getMessage());
            return null;
        }
    }

    /** pycti's default ({@code MQ_USE_SSL_REJECT_UNAUTHORIZED=false}): any broker certificate is accepted. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
