package io.sightline.testkit.opencti;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.sightline.testkit.amqp.AmqpBroker;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The platform's side of the AMQP push: declares the worker exchange and each connector's push
 * queue the way OpenCTI does at registration, and plays the worker that consumes them, decoding
 * each message (base64 {@code content}) and handing the bundle to the emulator.
 */
final class AmqpPushConsumer implements AutoCloseable {
    static final String PUSH_EXCHANGE = "amqp.worker.exchange";

    /** A decoded push message. */
    record Received(String workId, String applicantId, int sequence, boolean persistent, int bytes, JsonNode bundle) {}

    private final Connection connection;
    private final Channel control;
    private final Channel consumer;
    private final ObjectMapper json;
    private final BiConsumer<Received, String> sink;
    private final Set<String> consuming = ConcurrentHashMap.newKeySet();
    private final Set<String> declared = ConcurrentHashMap.newKeySet();
    private final boolean consume;

    /** @param sink receives every decoded message, or (null, reason) for a message that could not be decoded */
    AmqpPushConsumer(AmqpBroker broker, ObjectMapper json, BiConsumer<Received, String> sink, boolean consume) {
        this.json = json;
        this.consume = consume;
        this.sink = sink;
        try {
            this.connection = broker.connectionFactory().newConnection("opencti-emulator-worker");
            this.control = connection.createChannel();
            this.consumer = connection.createChannel();
            consumer.basicQos(500);
            control.exchangeDeclare(PUSH_EXCHANGE, BuiltinExchangeType.DIRECT, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect the emulator's worker to " + broker.describe(), e);
        }
    }

    static String pushQueue(String connectorId) {
        return "push_" + connectorId;
    }

    static String pushRouting(String connectorId) {
        return "push_routing_" + connectorId;
    }

    /** Declares (idempotently) the connector's push queue and starts consuming it once. */
    synchronized void declare(String connectorId) {
        try {
            String queue = pushQueue(connectorId);
            control.queueDeclare(queue, true, false, false, null);
            declared.add(connectorId);
            control.queueBind(queue, PUSH_EXCHANGE, pushRouting(connectorId));
            if (consume && consuming.add(connectorId)) {
                consumer.basicConsume(queue, false, (tag, delivery) -> handle(delivery), tag -> { });
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot declare the push queue of connector " + connectorId, e);
        }
    }

    /** Deletes the connector's push queue (benchmarks clean up the shared broker with it). */
    synchronized void deleteQueue(String connectorId) {
        try {
            control.queueDelete(pushQueue(connectorId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages waiting in the connector's push queue. */
    synchronized long messageCount(String connectorId) {
        try {
            return control.messageCount(pushQueue(connectorId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(Delivery delivery) throws IOException {
        byte[] body = delivery.getBody();
        try {
            JsonNode message = json.readTree(body);
            String content = message.path("content").asString(null);
            if (content == null) throw new IllegalArgumentException("message without content");
            JsonNode bundle = json.readTree(Base64.getDecoder().decode(content));
            Integer mode = delivery.getProperties().getDeliveryMode();
            sink.accept(new Received(
                    message.path("work_id").asString(null),
                    message.path("applicant_id").asString(null),
                    message.path("action_sequence").asInt(0),
                    mode != null && mode == 2,
                    body.length,
                    bundle), null);
        } catch (RuntimeException e) {
            sink.accept(null, e.toString());
        }
        consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
    }

    /** Deletes the queues this platform declared, so tests leave nothing behind in a shared broker. */
    @Override
    public synchronized void close() {
        try {
            for (String connectorId : declared) control.queueDelete(pushQueue(connectorId));
        } catch (Exception ignored) {
            // a broker that is gone keeps nothing to clean
        }
        try {
            connection.close(2_000);
        } catch (Exception ignored) {
            // closing a test fixture
        }
    }
}
