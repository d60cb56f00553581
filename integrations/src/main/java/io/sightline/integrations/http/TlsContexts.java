package io.sightline.integrations.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the SSLContext of a target from its {@link TlsSettings}. */
final class TlsContexts {

    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

    private TlsContexts() {
    }

    static SSLContext create(String target, TlsSettings tls) {
        try {
            X509ExtendedTrustManager trustManager;
            if (tls.acceptAnyCertificate()) {
                LOG.warn("{}: TLS certificate and host name verification are DISABLED (acceptAnyCertificate); "
                        + "anyone on the network path can impersonate this server", target);
                trustManager = new TrustAllManager();
            } else {
                trustManager = new DiagnosingTrustManager(defaultTrustManager(trustStore(target, tls.trustedCaPem())));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(target + ": cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Null (JDK defaults) or a store with the JDK's CAs plus the CAs of the PEM file. */
    private static KeyStore trustStore(String target, Path caPem) throws GeneralSecurityException {
        if (caPem == null) {
            return null;
        }
        List<X509Certificate> cas = new ArrayList<>(List.of(defaultTrustManager(null).getAcceptedIssuers()));
        cas.addAll(readPem(target, caPem));
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create an empty key store", e);
        }
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        return store;
    }

    private static List<X509Certificate> readPem(String target, Path caPem) {
        if (!Files.isReadable(caPem)) {
            throw new IllegalArgumentException(target + ": trusted CA file " + caPem + " does not exist or is not readable");
        }
        try (InputStream in = Files.newInputStream(caPem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(target + ": trusted CA file " + caPem + " holds no certificate");
            }
            return certificates.stream().map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(target + ": trusted CA file " + caPem
                    + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager defaultTrustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager");
    }
}
