package io.sightline.integrations.http;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts any server certificate. Being an X509ExtendedTrustManager, it also keeps the JDK from
 * adding its own host name check, which is what {@code acceptAnyCertificate} promises.
 */
final class TrustAllManager extends X509ExtendedTrustManager {

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // deliberately trusting: acceptAnyCertificate
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // deliberately trusting: acceptAnyCertificate
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // deliberately trusting: acceptAnyCertificate
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // not a server
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // not a server
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // not a server
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
