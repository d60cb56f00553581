package io.sightline.server.query;

import io.sightline.server.core.Unavailable;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many queries the engine runs at once; the others wait their turn, first come first served.
 * With every request working at once, the cores are shared among all of them and a request's
 * time grows with everything else in flight, so a heavy query slows every light one and the
 * slowest answers are many times the typical one. Taking them in turn, as many at a time as there
 * are cores (at least two, so that one computes while another waits for the database), serves as
 * many per second with far fewer slow answers ({@code bench scale} measures both). A query that waits
 * longer than the limit is refused as the server being busy (503), never queued without end.
 * The query API holds a turn for a query and the first chunk of its answer only (a long list
 * streams the rest after giving it up), so a slow reader holds up no one.
 */
@Component
public class QueryGate {
    private final Semaphore permits;
    private final long waitNanos;
    private final int size;

    QueryGate(@Value("${sightline.query.concurrency:0}") int concurrency,
              @Value("${sightline.query.max-wait:30s}") Duration maxWait) {
        this.size = concurrency > 0 ? concurrency : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.permits = new Semaphore(size, true);
        this.waitNanos = maxWait.toNanos();
    }

    /** A turn to run a query, to be closed once its answer is written. */
    public Turn enter() {
        try {
            if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new Unavailable("The server is busy with other queries; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting to run the query");
        }
        return new Turn();
    }

    /** Queries that may run at once. */
    public int size() {
        return size;
    }

    /** One query's turn; closing it lets the next waiting query run. */
    public final class Turn implements AutoCloseable {
        private boolean closed;

        private Turn() {}

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            permits.release();
        }
    }
}
