package io.sightline.integrations.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Real certificates made with the JDK's keytool: two self-signed ones and a small CA with a server certificate. */
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
        // three independent keytool sequences, run side by side to keep the suite fast
        CompletableFuture<Void> selfSigned = CompletableFuture.runAsync(unchecked(() -> certs.selfSigned("self",
                "CN=misp.selfsigned.test", "SAN=ip:127.0.0.1")));
        CompletableFuture<Void> wrongName = CompletableFuture.runAsync(unchecked(() -> certs.selfSigned("mismatch",
                "CN=mismatch", "SAN=dns:cortex.other.example")));
        certs.caSignedServer();
        selfSigned.join();
        wrongName.join();
        return certs;
    }

    Path pem(String name) {
        return dir.resolve(name + ".pem");
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

    private void selfSigned(String name, String dname, String san) throws Exception {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-ext", san, "-validity", "2", "-keystore", name + ".p12", "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", name + ".p12", "-storepass", PASSWORD,
                "-file", name + ".pem");
    }

    /** A test CA and a server certificate it signed for 127.0.0.1; the server sends the whole chain. */
    private void caSignedServer() throws Exception {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Sightline Test CA", "-ext", "bc:c", "-validity", "2",
                "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD,
                "-file", "ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=server", "-validity", "2", "-keystore", "server.p12", "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD,
                "-file", "server.csr");
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD,
                "-infile", "server.csr", "-outfile", "server-leaf.pem", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2");
        // a reply holding the full chain imports without the CA being in the key store
        Files.writeString(dir.resolve("server-chain.pem"),
                Files.readString(dir.resolve("server-leaf.pem")) + Files.readString(caPem));
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server-chain.pem",
                "-keystore", "server.p12", "-storepass", PASSWORD);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Runnable unchecked(Step step) {
        return () -> {
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // keytool is a short-lived JVM: skip the optimising compiler to start faster
        command.add("-J-XX:TieredStopAtLevel=1");
        command.add("-J-XX:+UseSerialGC");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
