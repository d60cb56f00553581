package io.sightline.integrations.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Real certificates made with the JDK's keytool: a self-signed one and a small CA with two server certificates. */
final class TestCertificates {

    private static final String PASSWORD = "changeit";

    final Path dir;
    final Path caPem;

    private TestCertificates(Path dir) {
        this.dir = dir;
        this.caPem = dir.resolve("ca.pem");
    }

    static TestCertificates create(Path dir) throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        certs.keytool("-genkeypair", "-alias", "self", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=misp.selfsigned.test", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", "self.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        certs.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Sightline Test CA", "-ext", "bc:c", "-validity", "2",
                "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        certs.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD,
                "-file", "ca.pem");
        certs.signedServer("server", "SAN=ip:127.0.0.1,dns:localhost");
        certs.signedServer("mismatch", "SAN=dns:cortex.other.example");
        return certs;
    }

    SSLContext serverContext(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private void signedServer(String name, String san) throws Exception {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-validity", "2", "-keystore", store, "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", store, "-storepass", PASSWORD, "-file", name + ".csr");
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD,
                "-infile", name + ".csr", "-outfile", name + ".pem", "-ext", san, "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store,
                "-storepass", PASSWORD);
        keytool("-importcert", "-alias", "server", "-file", name + ".pem", "-keystore", store,
                "-storepass", PASSWORD);
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
