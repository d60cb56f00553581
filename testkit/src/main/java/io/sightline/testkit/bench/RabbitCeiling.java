package io.sightline.testkit.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rate RabbitMQ itself allows for a set of messages: a bare publisher sends them to a fresh
 * durable queue the way {@code AmqpPublisher} does (one channel, publisher confirms, persistent JSON
 * messages, the same window of unconfirmed messages) with none of a connector's work around it, so
 * a connector's rate can be read against what the broker on this machine can take.
 */
final class RabbitCeiling {
    /** The properties of {@code AmqpPublisher}'s messages. */
    private static final AMQP.BasicProperties PERSISTENT = MessageProperties.PERSISTENT_BASIC.builder()
            .contentType("application/json").contentEncoding("utf-8").build();
    /** AmqpPublisher's default window: at this many unconfirmed messages it waits until half are confirmed. */
    private static final int WINDOW = 5_000;
    private static final long CONFIRM_TIMEOUT_MS = 60_000;

    /** @param brokerCpuSeconds CPU the local RabbitMQ used meanwhile, or -1 when it cannot be read */
    record Result(int messages, long bytes, double seconds, double brokerCpuSeconds) {
        double perSecond() {
            return messages / seconds;
        }
    }

    private RabbitCeiling() {}

    /**
     * Takes every message out of {@code queue} (auto-acknowledged, so the queue ends empty) and returns
     * the bodies, oldest first, without the {@code skip} oldest ones. Nothing may publish meanwhile.
     */
    static List<byte[]> drain(ConnectionFactory factory, String queue, long skip) throws Exception {
        try (Connection connection = factory.newConnection("bench-ceiling-drain")) {
            Channel channel = connection.createChannel();
            long held = channel.messageCount(queue);
            List<byte[]> kept = new ArrayList<>();
            if (held == 0) return kept;
            CountDownLatch drained = new CountDownLatch(1);
            long[] seen = {0};
            // A channel's deliveries run on one thread, in queue order; the latch publishes the list to this thread.
            channel.basicConsume(queue, true, (tag, delivery) -> {
                if (seen[0]++ >= skip) kept.add(delivery.getBody());
                if (seen[0] == held) drained.countDown();
            }, tag -> { });
            if (!drained.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("draining " + queue + " took over 5 minutes");
            return kept;
        }
    }

    /** Publishes the bodies in order to a fresh durable queue, deleted afterwards, and times it until all are confirmed. */
    static Result publishToFreshQueue(ConnectionFactory factory, List<byte[]> bodies) throws Exception {
        String queue = "bench-ceiling-" + UUID.randomUUID();
        try (Connection connection = factory.newConnection("bench-ceiling-publisher")) {
            Channel control = connection.createChannel();
            control.queueDeclare(queue, true, false, false, null);
            try {
                Channel channel = connection.createChannel();
                channel.confirmSelect();
                Confirms confirms = new Confirms();
                // Nacks only move the window on: the final waitForConfirmsOrDie fails the run for them.
                channel.addConfirmListener(confirms::confirmed, confirms::confirmed);
                long brokerStart = StixifySyncBench.localRabbitCpuTicks();
                long start = System.nanoTime();
                long bytes = 0;
                for (byte[] body : bodies) {
                    channel.basicPublish("", queue, PERSISTENT, body);
                    bytes += body.length;
                    confirms.awaitRoom(channel.getNextPublishSeqNo() - 1);
                }
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                double seconds = (System.nanoTime() - start) / 1e9;
                long brokerEnd = StixifySyncBench.localRabbitCpuTicks();
                double brokerCpu = brokerStart >= 0 && brokerEnd >= brokerStart
                        ? (brokerEnd - brokerStart) / (double) StixifySyncBench.CLOCK_TICKS : -1;
                return new Result(bodies.size(), bytes, seconds, brokerCpu);
            } finally {
                // On its own channel: a publishing channel closed by an error could not delete it.
                try {
                    control.queueDelete(queue);
                } catch (IOException | ShutdownSignalException e) {
                    System.err.println("could not delete the queue " + queue + " (delete it by hand): " + e);
                }
            }
        }
    }

    /**
     * The highest sequence number the broker confirmed. Confirms of a single queue arrive in order, so
     * every message up to it is confirmed (were one to come early, the window would only be looser).
     */
    private static final class Confirms {
        private long through;

        synchronized void confirmed(long sequence, boolean multiple) {
            through = Math.max(through, sequence);
            notifyAll();
        }

        /** Once {@code published} is {@link #WINDOW} ahead of the confirms, waits until it is less than half that. */
        synchronized void awaitRoom(long published) throws InterruptedException, TimeoutException {
            if (published - through < WINDOW) return;
            long deadline = System.currentTimeMillis() + CONFIRM_TIMEOUT_MS;
            while (published - through >= WINDOW / 2) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) throw new TimeoutException("no publisher confirm within " + CONFIRM_TIMEOUT_MS + " ms");
                wait(left);
            }
        }
    }
}
