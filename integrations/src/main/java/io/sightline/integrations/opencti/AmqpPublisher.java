package io.sightline.integrations.opencti;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes persistent messages to OpenCTI's push exchange with publisher confirms, streaming:
 * messages go out without waiting, up to {@code window} of them unconfirmed at once, and
 * {@link #flush()} returns only when the broker has confirmed every one. A nack fails the
 * delivery. When the connection drops (a broker restart) or stays silent past the confirm timeout
 * (a half-open connection), the publisher reconnects and re-sends what was not confirmed yet:
 * duplicates are harmless for OpenCTI (STIX ids are stable), losses are not. Not thread-safe: one
 * delivery at a time.
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
    private final int window;
    private final String target;
    /** Unconfirmed messages of the current channel; confirms arrive on the connection's thread. */
    private final UnconfirmedMessages unconfirmed = new UnconfirmedMessages();
    /** Messages taken from a dropped channel and not yet handed to a new one. */
    private final ArrayDeque<byte[]> toResend = new ArrayDeque<>();
    private volatile String nackReason;
    private volatile String blockedReason;
    private volatile Connection connection;
    private volatile Channel channel;

    public AmqpPublisher(MqSettings mq, String exchange, String routingKey, Duration confirmTimeout, int reconnectAttempts) {
        this(mq, exchange, routingKey, confirmTimeout, reconnectAttempts, 5_000);
    }

    public AmqpPublisher(MqSettings mq, String exchange, String routingKey, Duration confirmTimeout,
                         int reconnectAttempts, int window) {
        this(mq, exchange, routingKey, confirmTimeout, reconnectAttempts, window, null, false);
    }

    /**
     * @param tls            TLS context used when {@code mq.useSsl()} (null: accept any certificate)
     * @param verifyHostname with {@code tls}, require the broker's certificate to name its host
     */
    public AmqpPublisher(MqSettings mq, String exchange, String routingKey, Duration confirmTimeout,
                         int reconnectAttempts, int window, javax.net.ssl.SSLContext tls, boolean verifyHostname) {
        this.factory = new ConnectionFactory();
        factory.setHost(mq.host());
        factory.setPort(mq.port());
        factory.setVirtualHost(mq.vhost() == null || mq.vhost().isEmpty() ? "/" : mq.vhost());
        if (mq.user() != null) factory.setUsername(mq.user());
        if (mq.password() != null) factory.setPassword(mq.password());
        factory.setRequestedHeartbeat(10);
        factory.setConnectionTimeout(10_000);
        // Recovery is ours: unconfirmed messages must be re-sent, which automatic recovery cannot know.
        factory.setAutomaticRecoveryEnabled(false);
        if (mq.useSsl()) {
            try {
                if (tls == null) {
                    factory.useSslProtocol();
                } else {
                    factory.useSslProtocol(tls);
                    if (verifyHostname) factory.enableHostnameVerification();
                }
            } catch (Exception e) {
                throw new AmqpDeliveryException("cannot set up TLS for " + mq, e);
            }
        }
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.confirmTimeout = confirmTimeout;
        this.reconnectAttempts = Math.max(1, reconnectAttempts);
        this.window = Math.max(1, window);
        this.target = mq + " exchange=" + exchange + " routing=" + routingKey;
    }

    /** Sends one message; blocks only while {@code window} messages await their confirm. */
    public void publish(byte[] body) {
        boolean[] queued = {false};
        withReconnect(() -> {
            if (!queued[0]) {
                // Once queued, a reconnect re-sends it with the other unconfirmed messages.
                Channel ch = channel();
                unconfirmed.add(ch.getNextPublishSeqNo(), body);
                queued[0] = true;
                ch.basicPublish(exchange, routingKey, PERSISTENT, body);
            }
            if (unconfirmed.size() >= window) awaitConfirmsBelow(window / 2);
        });
    }

    /** Returns once every message published so far is confirmed; throws on nack or timeout. */
    public void flush() {
        withReconnect(() -> awaitConfirmsBelow(1));
    }

    /** Publishes the batch and waits for all confirms (a convenience for small deliveries). */
    public void publishConfirmed(List<byte[]> bodies) {
        bodies.forEach(this::publish);
        flush();
    }

    private interface Step {
        void run() throws IOException, TimeoutException, InterruptedException;
    }

    private void withReconnect(Step step) {
        Exception last = null;
        for (int attempt = 1; attempt <= reconnectAttempts; attempt++) {
            try {
                if (attempt > 1) channel(); // a new channel, with what the dropped one left unconfirmed re-sent
                step.run();
                return;
            } catch (TimeoutException e) {
                // A channel that stays silent is as good as dead (a half-open connection): start over.
                last = new TimeoutException("no publisher confirm within " + confirmTimeout.toMillis() + " ms"
                        + (blockedReason == null ? "" : "; the broker blocked publishing: " + blockedReason));
                closeConnection();
                log.warn("AMQP publish to {} stalled (attempt {}/{}): {}", target, attempt, reconnectAttempts, last.getMessage());
            } catch (IOException | ShutdownSignalException e) {
                last = e;
                closeConnection();
                log.warn("AMQP publish to {} failed (attempt {}/{}): {}", target, attempt, reconnectAttempts, e.toString());
                sleep(Math.min(10_000L, 250L << Math.min(attempt, 6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                discard();
                throw new AmqpDeliveryException("interrupted while waiting for confirms on " + target, e);
            }
        }
        discard();
        String reason = last == null ? "" : ": " + last.getMessage();
        throw new AmqpDeliveryException("could not publish to " + target + " after " + reconnectAttempts + " attempts" + reason, last);
    }

    private void awaitConfirmsBelow(int limit) throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        while (true) {
            // Checked before the count: a nacked message is no longer counted, and must still fail the delivery.
            if (nackReason != null) {
                String reason = nackReason;
                discard();
                throw new AmqpDeliveryException("broker refused (nack) " + reason + " on " + target);
            }
            if (unconfirmed.size() < limit) return;
            if (channel == null || !channel.isOpen()) throw new IOException("channel closed while waiting for confirms");
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new TimeoutException();
            unconfirmed.awaitFewerThan(limit, Math.min(left / 1_000_000, 200));
        }
    }

    /**
     * The open channel, or a new one (on a new connection) when there is none. A new channel first
     * re-sends what the previous one left unconfirmed: a message is always either waiting in
     * {@code toResend} or tracked in {@code unconfirmed}, so a failure halfway loses nothing.
     */
    private Channel channel() throws IOException {
        if (channel != null && channel.isOpen()) return channel;
        closeConnection();
        try {
            connection = factory.newConnection("sightline-opencti-push");
        } catch (TimeoutException e) {
            throw new IOException("connection to " + target + " timed out", e);
        }
        Channel ch = connection.createChannel();
        ch.confirmSelect();
        // Sequence numbers restart on a new channel: confirms of an older channel are ignored from now on.
        List<byte[]> left = unconfirmed.restart(ch);
        for (int i = left.size() - 1; i >= 0; i--) toResend.addFirst(left.get(i));
        ch.addConfirmListener((seq, multiple) -> unconfirmed.confirm(ch, seq, multiple), (seq, multiple) -> {
            if (channel == ch) nackReason = "message " + seq + (multiple ? " and earlier" : "");
            unconfirmed.confirm(ch, seq, multiple);
        });
        connection.addBlockedListener(reason -> {
            blockedReason = reason;
            log.warn("Broker blocked publishing to {}: {}", target, reason);
        }, () -> blockedReason = null);
        ch.addShutdownListener(cause -> unconfirmed.wakeUp());
        channel = ch;
        int count = toResend.size();
        while (!toResend.isEmpty()) {
            byte[] body = toResend.peek();
            unconfirmed.add(ch.getNextPublishSeqNo(), body);
            toResend.poll();
            ch.basicPublish(exchange, routingKey, PERSISTENT, body);
        }
        if (count > 0) log.info("Re-sent {} unconfirmed message(s) to {}", count, target);
        return ch;
    }

    /** Forgets unconfirmed messages after a failure was reported to the caller. */
    private void discard() {
        unconfirmed.clear();
        toResend.clear();
        nackReason = null;
        closeConnection();
    }

    private void closeConnection() {
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
    public void close() {
        closeConnection();
    }
}
