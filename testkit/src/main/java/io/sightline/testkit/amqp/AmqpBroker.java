package io.sightline.testkit.amqp;

import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * An AMQP 0-9-1 broker for tests and benchmarks: the machine's RabbitMQ at 127.0.0.1:5672
 * (guest/guest) when it answers, otherwise an embedded Apache Qpid Broker-J on a free port.
 * {@link #describe()} says which one is in use, so a test log shows what was exercised.
 */
public final class AmqpBroker implements AutoCloseable {
    public static final String RABBIT_HOST = "127.0.0.1";
    public static final int RABBIT_PORT = 5672;

    private final String kind;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final AutoCloseable embedded;

    private AmqpBroker(String kind, String host, int port, String user, String password, AutoCloseable embedded) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** RabbitMQ when reachable (unless {@code sightline.amqp.embedded=true}), else embedded Qpid. */
    public static AmqpBroker start() {
        boolean forceEmbedded = Boolean.getBoolean("sightline.amqp.embedded");
        AmqpBroker broker;
        if (!forceEmbedded && reachable(RABBIT_HOST, RABBIT_PORT)) {
            broker = new AmqpBroker("RabbitMQ", RABBIT_HOST, RABBIT_PORT, "guest", "guest", null);
        } else {
            EmbeddedQpidBroker qpid = EmbeddedQpidBroker.start();
            broker = new AmqpBroker("embedded Qpid Broker-J", "127.0.0.1", qpid.port(), "guest", "guest", qpid);
        }
        System.out.println("AMQP broker for this run: " + broker.describe());
        return broker;
    }

    public String describe() {
        return kind + " at " + host + ":" + port;
    }

    public String kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String vhost() {
        return "/";
    }

    public ConnectionFactory connectionFactory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(host);
        f.setPort(port);
        f.setUsername(user);
        f.setPassword(password);
        f.setVirtualHost(vhost());
        return f;
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) embedded.close();
    }
}
