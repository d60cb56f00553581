package io.sightline.integrations.opencti;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes batches of messages to OpenCTI's push exchange with publisher confirms. A batch
 * counts as delivered only once the broker confirmed every message of it; a nack or a confirm
 * timeout fails it. When the connection drops (a broker restart) the publisher reconnects and
 * re-sends the unconfirmed batch: duplicates are harmless for OpenCTI (STIX ids are stable),
 * losses are not.
 */
public final class AmqpPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AmqpPublisher.class);
    private static final AMQP.BasicProperties PERSISTENT = MessageProperties.PERSISTENT_BASIC.builder()
            .contentType("application/json").contentEncoding("utf-8").build();

    private final ConnectionFactory factory;
    private final String exchange;
    private final String routingKey;
    private final Duration confirmTimeout;
    private final int reconnectAttempts;
    private final String target;
    private Connection connection;
    private Channel channel;

    public AmqpPublisher(MqSettings mq, String exchange, String routingKey, Duration confirmTimeout, int reconnectAttempts) {
        this.factory = new ConnectionFactory();
        factory.setHost(mq.host());
        factory.setPort(mq.port());
        factory.setVirtualHost(mq.vhost() == null || mq.vhost().isEmpty() ? "/" : mq.vhost());
        if (mq.user() != null) factory.setUsername(mq.user());
        if (mq.password() != null) factory.setPassword(mq.password());
        factory.setRequestedHeartbeat(10);
        factory.setConnectionTimeout(10_000);
        // Recovery is ours: an unconfirmed batch must be re-sent, which automatic recovery cannot know.
        factory.setAutomaticRecoveryEnabled(false);
        if (mq.useSsl()) {
            try {
                factory.useSslProtocol();
            } catch (Exception e) {
                throw new AmqpDeliveryException("cannot set up TLS for " + mq, e);
            }
        }
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.confirmTimeout = confirmTimeout;
        this.reconnectAttempts = Math.max(1, reconnectAttempts);
        this.target = mq + " exchange=" + exchange + " routing=" + routingKey;
    }

    /** Publishes the batch (persistent, mandatory routing not required) and waits for all confirms. */
    public synchronized void publishConfirmed(List<byte[]> bodies) {
        if (bodies.isEmpty()) return;
        Exception last = null;
        for (int attempt = 1; attempt <= reconnectAttempts; attempt++) {
            try {
                Channel ch = channel();
                for (byte[] body : bodies) ch.basicPublish(exchange, routingKey, PERSISTENT, body);
                if (!ch.waitForConfirms(confirmTimeout.toMillis())) {
                    throw new AmqpDeliveryException("broker refused (nack) a message of a batch of " + bodies.size() + " on " + target);
                }
                return;
            } catch (TimeoutException e) {
                closeQuietly();
                throw new AmqpDeliveryException("no publisher confirm within " + confirmTimeout.toMillis() + " ms on " + target, e);
            } catch (IOException | com.rabbitmq.client.ShutdownSignalException e) {
                last = e;
                closeQuietly();
                log.warn("AMQP publish to {} failed (attempt {}/{}): {}", target, attempt, reconnectAttempts, e.toString());
                sleep(Math.min(10_000L, 250L << Math.min(attempt, 6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AmqpDeliveryException("interrupted while waiting for confirms on " + target, e);
            }
        }
        throw new AmqpDeliveryException("could not publish to " + target + " after " + reconnectAttempts + " attempts", last);
    }

    private Channel channel() throws IOException {
        if (channel != null && channel.isOpen()) return channel;
        closeQuietly();
        try {
            connection = factory.newConnection("sightline-opencti-push");
        } catch (TimeoutException e) {
            throw new IOException("connection to " + target + " timed out", e);
        }
        channel = connection.createChannel();
        channel.confirmSelect();
        return channel;
    }

    private void closeQuietly() {
        try {
            if (connection != null && connection.isOpen()) connection.close(2_000);
        } catch (Exception ignored) {
            // the connection is being thrown away anyway
        }
        connection = null;
        channel = null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpDeliveryException("interrupted while reconnecting", e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
