package io.sightline.testkit.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.sightline.integrations.opencti.AmqpDeliveryException;
import io.sightline.integrations.opencti.AmqpPublisher;
import io.sightline.integrations.opencti.MqSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A message the broker refuses fails the delivery, even when every other one is confirmed. */
class AmqpPublisherNackTest {

    @Test
    void aNackedMessageFailsTheFlushThatFollows() throws Exception {
        try (AmqpBroker broker = AmqpBroker.start()) {
            // RabbitMQ nacks what a full queue with reject-publish refuses; the embedded Qpid has no such policy.
            assumeTrue(broker.kind().equals("RabbitMQ"), "needs RabbitMQ");
            String name = "nack-test-" + UUID.randomUUID();
            try (Connection c = broker.connectionFactory().newConnection(); Channel ch = c.createChannel()) {
                ch.exchangeDeclare(name, BuiltinExchangeType.DIRECT, false, true, null);
                ch.queueDeclare(name, false, false, true, Map.of("x-max-length", 2, "x-overflow", "reject-publish"));
                ch.queueBind(name, name, name);
                try {
                    MqSettings mq = new MqSettings(broker.host(), broker.port(), broker.vhost(), false, broker.user(), broker.password());
                    try (AmqpPublisher publisher = new AmqpPublisher(mq, name, name, Duration.ofSeconds(10), 2)) {
                        for (int i = 0; i < 3; i++) publisher.publish(("m" + i).getBytes(StandardCharsets.UTF_8));
                        assertThatThrownBy(publisher::flush).isInstanceOf(AmqpDeliveryException.class).hasMessageContaining("nack");
                    }
                    assertThat(ch.messageCount(name)).isEqualTo(2);
                } finally {
                    ch.queueDelete(name); // never consumed, so auto-delete would not remove it
                }
            }
        }
    }
}
