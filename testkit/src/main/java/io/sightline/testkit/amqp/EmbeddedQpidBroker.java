package io.sightline.testkit.amqp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;

/** Apache Qpid Broker-J speaking AMQP 0-9-1 on a free loopback port, everything in a temp folder. */
final class EmbeddedQpidBroker implements AutoCloseable {
    private final SystemLauncher launcher;
    private final Path workDir;
    private final int port;

    private EmbeddedQpidBroker(SystemLauncher launcher, Path workDir, int port) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.port = port;
    }

    static EmbeddedQpidBroker start() {
        try {
            int port = freePort();
            Path work = Files.createTempDirectory("sightline-qpid");
            Path config = work.resolve("broker-config.json");
            Files.writeString(config, brokerConfig(port), StandardCharsets.UTF_8);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", "JSON");
            attributes.put("storePath", work.resolve("config.json").toString());
            attributes.put("initialConfigurationLocation", config.toUri().toString());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", Map.of("qpid.work_dir", work.toString(), "qpid.home_dir", work.toString(),
                    "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}"));
            SystemLauncher launcher = new SystemLauncher();
            launcher.startup(attributes);
            return new EmbeddedQpidBroker(launcher, work, port);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Qpid broker", e);
        }
    }

    private static String brokerConfig(int port) {
        return """
                {
                  "name": "sightline-test-broker",
                  "modelVersion": "9.0",
                  "authenticationproviders": [{"name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
                    "users": [{"name": "guest", "type": "managed", "password": "guest"}]}],
                  "ports": [{"name": "AMQP", "port": %d, "bindingAddress": "127.0.0.1",
                    "authenticationProvider": "plain", "protocols": ["AMQP_0_9_1"],
                    "virtualhostaliases": [{"name": "nameAlias", "type": "nameAlias"},
                                           {"name": "defaultAlias", "type": "defaultAlias"}]}],
                  "virtualhostnodes": [{"name": "default", "type": "JSON", "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "{\\"type\\": \\"%s\\", \\"name\\": \\"default\\"}"}]
                }
                """.formatted(port, InMemoryVirtualHost.TYPE);
    }

    int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        launcher.shutdown();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
