package io.sightline.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.http.LoopbackServer.Answer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTargetTlsTest {

    @TempDir
    static Path dir;

    private static TestCertificates certs;
    private static LoopbackServer selfSigned;
    private static LoopbackServer caSigned;
    private static LoopbackServer wrongName;

    @BeforeAll
    static void startServers() throws Exception {
        certs = TestCertificates.create(dir);
        selfSigned = LoopbackServer.https(certs.serverContext("self")).answer(Answer.of(200, "{\"ok\":true}"));
        caSigned = LoopbackServer.https(certs.serverContext("server")).answer(Answer.of(200, "{\"ok\":true}"));
        wrongName = LoopbackServer.https(certs.serverContext("mismatch")).answer(Answer.of(200, "{\"ok\":true}"));
    }

    @AfterAll
    static void stopServers() {
        selfSigned.close();
        caSigned.close();
        wrongName.close();
    }

    private static HttpTarget target(LoopbackServer server, TlsSettings tls) {
        return HttpTarget.create(HttpTargetConfig.builder("misp:tls", server.baseUrl())
                .auth(HttpAuth.rawKey("misp-key-123456")).tls(tls).retry(RetryPolicy.NONE).build());
    }

    @Test
    void selfSignedCertificateIsRejectedByDefaultWithTheReason() {
        assertThatThrownBy(() -> target(selfSigned, TlsSettings.VERIFY).json().get("/servers/getVersion"))
                .isInstanceOfSatisfying(HttpTlsException.class, e -> assertThat(e.reason())
                        .startsWith("certificate not trusted: self-signed certificate CN=misp.selfsigned.test"))
                .hasMessageStartingWith("misp:tls: GET " + selfSigned.baseUrl() + "/servers/getVersion failed: "
                        + "TLS handshake failed: certificate not trusted");
    }

    @Test
    void acceptAnyCertificateAcceptsSelfSignedAndWrongHostName() {
        assertThat(target(selfSigned, TlsSettings.acceptAny()).json().get("/").path("ok").asBoolean()).isTrue();
        assertThat(target(wrongName, TlsSettings.acceptAny()).json().get("/").path("ok").asBoolean()).isTrue();
    }

    @Test
    void trustedCaFileMakesItsCertificatesTrusted() {
        assertThat(target(caSigned, TlsSettings.trusting(certs.caPem)).json().get("/").path("ok").asBoolean()).isTrue();
    }

    @Test
    void caSignedCertificateWithoutTheCaFileNamesTheUntrustedRoot() {
        assertThatThrownBy(() -> target(caSigned, TlsSettings.VERIFY).json().get("/"))
                .isInstanceOfSatisfying(HttpTlsException.class, e -> assertThat(e.reason())
                        .contains("certificate not trusted").contains("Sightline Test CA"));
    }

    @Test
    void hostNameMismatchIsExplained() {
        // trusted (its own certificate is the trust anchor) but issued for another name
        assertThatThrownBy(() -> target(wrongName, TlsSettings.trusting(certs.pem("mismatch"))).json().get("/"))
                .isInstanceOfSatisfying(HttpTlsException.class, e -> assertThat(e.reason())
                        .startsWith("host name mismatch: the certificate is for [cortex.other.example]"));
    }

    @Test
    void plainHttpServerBehindAnHttpsUrlIsExplained() throws Exception {
        // Like nginx on a plain port: answers the TLS ClientHello with an HTTP error.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    socket.setSoTimeout(5000);
                    socket.getInputStream().read(new byte[512]);
                    // JDK 17's HttpClient can miss a non-TLS answer that arrives while it is still
                    // busy with its own ClientHello (about 1 in 6 first handshakes of a just-started
                    // JVM here) and then waits for its connect timeout; a server across a network
                    // answers later than that, so this one pauses as such a server would.
                    Thread.sleep(200);
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    // keep the connection open like a keep-alive server until the client gives up
                    socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException | InterruptedException ignored) {
                    // the client hung up first
                }
            });
            answering.start();
            HttpTarget target = HttpTarget.create(HttpTargetConfig.builder("x", "https://127.0.0.1:" + plain.getLocalPort())
                    .retry(RetryPolicy.NONE).build());
            assertThatThrownBy(() -> target.send(HttpCall.get("/").build()))
                    .isInstanceOf(HttpTlsException.class)
                    .hasMessageContaining("did not answer with TLS");
            answering.join(500);
        }
    }

    @Test
    void missingCaFileIsAConfigurationError() {
        assertThatThrownBy(() -> target(caSigned, TlsSettings.trusting(dir.resolve("nope.pem"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.pem does not exist");
    }
}
