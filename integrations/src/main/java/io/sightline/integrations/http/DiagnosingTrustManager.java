package io.sightline.integrations.http;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Delegates to the real trust manager (which also checks the host name) and, when it refuses a
 * server, replaces the JDK's "PKIX path building failed" with a reason a person can act on.
 */
final class DiagnosingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;

    DiagnosingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw diagnose(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw diagnose(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw diagnose(chain, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    static DiagnosedCertificateException diagnose(X509Certificate[] chain, CertificateException failure) {
        if (chain == null || chain.length == 0) {
            return new DiagnosedCertificateException("the server sent no certificate", failure);
        }
        X509Certificate leaf = chain[0];
        for (X509Certificate certificate : chain) {
            try {
                certificate.checkValidity();
            } catch (CertificateExpiredException e) {
                return new DiagnosedCertificateException("certificate expired on " + certificate.getNotAfter().toInstant()
                        + " (" + subject(certificate) + ")", failure);
            } catch (CertificateNotYetValidException e) {
                return new DiagnosedCertificateException("certificate not valid before "
                        + certificate.getNotBefore().toInstant() + " (" + subject(certificate) + ")", failure);
            }
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return new DiagnosedCertificateException("host name mismatch: the certificate is for "
                    + names(leaf) + " - " + message, failure);
        }
        X509Certificate top = chain[chain.length - 1];
        if (top.getSubjectX500Principal().equals(top.getIssuerX500Principal())) {
            String what = chain.length == 1 ? "self-signed certificate " : "certificate chain ending in the untrusted root ";
            return new DiagnosedCertificateException("certificate not trusted: " + what + subject(top)
                    + "; add its CA with trustedCaPem or set acceptAnyCertificate", failure);
        }
        return new DiagnosedCertificateException("certificate not trusted: issued by "
                + top.getIssuerX500Principal().getName() + ", which is not a trusted CA; add that CA with trustedCaPem",
                failure);
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static String names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    names.add(String.valueOf(alternative.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            // fall back to the subject below
        }
        return names.isEmpty() ? subject(certificate) : names.toString();
    }

    /** A certificate refusal whose message is already the human explanation. */
    static final class DiagnosedCertificateException extends CertificateException {
        DiagnosedCertificateException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
