package io.sightline.server.connectors.stixify;

import io.sightline.testkit.stixify.ReportSource;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.node.ObjectNode;

/** A report that the Stixify emulator answers with HTTP 500 while {@link #failing} is set. */
final class FlakyReportSource implements ReportSource {
    final AtomicBoolean failing = new AtomicBoolean(true);
    private final ReportSource delegate;

    FlakyReportSource(ReportSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public int size() {
        // The emulator reads the size before it answers, so a failure here becomes its 500 reply.
        if (failing.get()) throw new IllegalStateException("report storage unavailable");
        return delegate.size();
    }

    @Override
    public Iterator<ObjectNode> objects(int from, int to) {
        return delegate.objects(from, to);
    }

    @Override
    public String reportObjectId() {
        return null;
    }
}
