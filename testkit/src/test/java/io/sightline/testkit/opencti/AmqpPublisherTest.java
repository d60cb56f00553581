package io.sightline.testkit.opencti;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.sightline.integrations.opencti.AmqpPublisher;
import io.sightline.integrations.opencti.MqSettings;
import io.sightline.testkit.amqp.AmqpBroker;
import io.sightline.testkit.amqp.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AmqpPublisherTest {
    static AmqpBroker broker;

    @BeforeAll
    static void start() {
        broker = AmqpBroker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    /**
     * The connection dies while the publisher is between two messages, with messages still
     * unconfirmed: the next publish opens a new channel, whose sequence numbers start again at 1,
     * and the unconfirmed ones must go out again on it rather than be mistaken for confirmed.
     */
    @Test
    void messagesLeftUnconfirmedByAConnectionThatDiedBetweenPublishesAreSentAgain() throws Exception {
        String name = "publisher-test-" + UUID.randomUUID();
        try (Connection admin = broker.connectionFactory().newConnection(); Channel control = admin.createChannel();
             TcpProxy proxy = new TcpProxy(broker.host(), broker.port())) {
            control.exchangeDeclare(name, BuiltinExchangeType.DIRECT, false, true, null);
            control.queueDeclare(name, true, false, false, null);
            control.queueBind(name, name, name);
            MqSettings viaProxy = new MqSettings("127.0.0.1", proxy.port(), "/", false, broker.user(), broker.password());
            try (AmqpPublisher publisher = new AmqpPublisher(viaProxy, name, name, Duration.ofSeconds(20), 3, 10_000)) {
                publishRange(publisher, 0, 50);
                publisher.flush();
                proxy.silenceConnections();
                publishRange(publisher, 50, 100);
                proxy.cutConnections();
                // Give the client's reader time to see the closed socket, so the next publish finds the channel dead.
                Thread.sleep(1_000);
                publishRange(publisher, 100, 130);
                publisher.flush();
            }
            Set<String> got = new HashSet<>();
            GetResponse r;
            while ((r = control.basicGet(name, true)) != null) got.add(new String(r.getBody(), StandardCharsets.UTF_8));
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 130; i++) expected.add("m-" + i);
            assertThat(got).isEqualTo(expected);
            assertThat(proxy.connectionsAccepted()).isEqualTo(2);
            control.queueDelete(name);
        }
    }

    private static void publishRange(AmqpPublisher publisher, int from, int to) {
        for (int i = from; i < to; i++) publisher.publish(("m-" + i).getBytes(StandardCharsets.UTF_8));
    }
}
