package io.sightline.testkit.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AmqpBrokerTest {

    @Test
    void machineBrokerOrFallbackAcceptsConfirmedPublishesAndDeliversThem() throws Exception {
        try (AmqpBroker broker = AmqpBroker.start()) {
            assertRoundTrip(broker);
        }
    }

    @Test
    void embeddedQpidAcceptsConfirmedPublishesAndDeliversThem() throws Exception {
        System.setProperty("sightline.amqp.embedded", "true");
        try (AmqpBroker broker = AmqpBroker.start()) {
            assertThat(broker.kind()).contains("Qpid");
            assertRoundTrip(broker);
        } finally {
            System.clearProperty("sightline.amqp.embedded");
        }
    }

    private static void assertRoundTrip(AmqpBroker broker) throws Exception {
        String queue = "broker-test-" + UUID.randomUUID();
        try (Connection c = broker.connectionFactory().newConnection(); Channel ch = c.createChannel()) {
            ch.exchangeDeclare("broker-test-exchange", BuiltinExchangeType.DIRECT, true);
            ch.queueDeclare(queue, true, false, true, null);
            ch.queueBind(queue, "broker-test-exchange", queue);
            ch.confirmSelect();
            for (int i = 0; i < 100; i++) {
                ch.basicPublish("broker-test-exchange", queue, MessageProperties.PERSISTENT_BASIC,
                        ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            assertThat(ch.waitForConfirms(10_000)).isTrue();
            List<String> got = new ArrayList<>();
            GetResponse r;
            while ((r = ch.basicGet(queue, true)) != null) {
                got.add(new String(r.getBody(), StandardCharsets.UTF_8));
                assertThat(r.getProps().getDeliveryMode()).isEqualTo(2);
            }
            assertThat(got).hasSize(100).startsWith("m0").endsWith("m99");
            ch.queueDelete(queue);
        }
    }
}
