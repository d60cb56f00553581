package io.sightline.testkit.misp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The emulator's self-signed certificate (CN=localhost, SAN localhost and 127.0.0.1), checked in
 * once, generated with:
 * <pre>
 * keytool -genkeypair -alias misp-emulator -keyalg RSA -keysize 2048 -validity 36500 \
 *   -dname "CN=localhost, O=Sightline MISP emulator" -ext "SAN=dns:localhost,ip:127.0.0.1" \
 *   -storetype PKCS12 -keystore emulator-tls.p12 -storepass emulator -keypass emulator
 * keytool -exportcert -rfc -alias misp-emulator -keystore emulator-tls.p12 -storepass emulator \
 *   -file emulator-tls.pem
 * </pre>
 * It is a test certificate with a published password: it protects nothing.
 */
final class EmulatorTls {

    private static final char[] PASSWORD = "emulator".toCharArray();

    private EmulatorTls() {
    }

    static SSLContext serverContext() {
        try (InputStream in = EmulatorTls.class.getResourceAsStream("emulator-tls.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the emulator's TLS certificate", e);
        }
    }

    /** Writes the certificate as PEM to a temporary file, for clients that trust it as a CA file. */
    static Path certificatePem() {
        try (InputStream in = EmulatorTls.class.getResourceAsStream("emulator-tls.pem")) {
            Path file = Files.createTempFile("misp-emulator-", ".pem");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
