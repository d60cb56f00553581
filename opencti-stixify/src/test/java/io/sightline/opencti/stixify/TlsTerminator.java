package io.sightline.opencti.stixify;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/** A real TLS listener (client certificate required) forwarding to a plain TCP port: the broker behind TLS. */
final class TlsTerminator implements AutoCloseable {
    private final SSLServerSocket server;

    TlsTerminator(TestPki pki, String targetHost, int targetPort) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(pki.keystore("server"), TestPki.PASSWORD);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", pki.keystore("ca").getCertificate("ca"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(targetHost, targetPort);
                    pump(client.getInputStream(), target.getOutputStream(), client, target);
                    pump(target.getInputStream(), client.getOutputStream(), client, target);
                } catch (Exception e) {
                    // closed, or a handshake refused: the client sees it
                }
            }
        }, "tls-terminator");
        accept.setDaemon(true);
        accept.start();
    }

    private static void pump(InputStream in, OutputStream out, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            try (a; b) {
                in.transferTo(out);
            } catch (Exception ignored) {
                // one side closed
            }
        }, "tls-pump");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
