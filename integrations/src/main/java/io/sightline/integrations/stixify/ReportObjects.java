package io.sightline.integrations.stixify;

import io.sightline.integrations.http.HttpCall;
import io.sightline.integrations.http.HttpReply;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.stix.StixFormatException;
import io.sightline.stix.StixObjectReader;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects of one Stixify report, read lazily page by page ({@code page_size=200}): at most one
 * page's HTTP stream is open and one object is parsed at a time, so a report of any size streams
 * through bounded memory. Pagination is guarded ({@link PageGuard}). A malformed page raises
 * {@link StixifyApiException}; HTTP failures raise the HTTP layer's exceptions. Not thread-safe;
 * close it to release the open page.
 */
public final class ReportObjects implements Iterator<ObjectNode>, AutoCloseable {
    private final HttpTarget target;
    private final String path;
    private final String reportId;
    private final PageGuard guard;
    private StixObjectReader page;
    private int pageNumber;
    private int pageCount;
    private String pageFirstId;
    private boolean finished;
    private long delivered;

    ReportObjects(HttpTarget target, String path, String reportId) {
        this.target = target;
        this.path = path;
        this.reportId = reportId;
        this.guard = new PageGuard(target.name() + " objects of " + reportId, StixifyClient.PAGE_SIZE);
    }

    /** The report whose objects these are. */
    public String reportId() {
        return reportId;
    }

    /** Objects returned so far. */
    public long count() {
        return delivered;
    }

    @Override
    public boolean hasNext() {
        while (!finished) {
            if (page == null) openNextPage();
            try {
                if (page.hasNext()) {
                    if (pageCount == 0 && pageFirstId == null) {
                        String firstId = page.peek().path("id").asString("");
                        if (guard.isRepeat(firstId)) {
                            guard.pageRead(1, firstId, Long.MAX_VALUE);
                            finish();
                            return false;
                        }
                        pageFirstId = firstId;
                    }
                    return true;
                }
                long total = StixifyClient.total(page.envelope(), path, pageNumber);
                boolean more = guard.pageRead(pageCount, pageFirstId, total);
                closePage();
                if (!more) finish();
            } catch (StixFormatException e) {
                close();
                throw new StixifyApiException(path + " page " + pageNumber + ": " + e.getMessage(), e);
            }
        }
        return false;
    }

    @Override
    public ObjectNode next() {
        if (!hasNext()) throw new NoSuchElementException();
        ObjectNode object = page.next();
        pageCount++;
        delivered++;
        return object;
    }

    @Override
    public void close() {
        finished = true;
        closePage();
    }

    private void openNextPage() {
        pageNumber = guard.nextPage();
        pageCount = 0;
        pageFirstId = null;
        HttpCall call = HttpCall.get(path).query(StixifyClient.pageQuery(pageNumber)).build();
        HttpReply<InputStream> reply = target.openStream(call);
        try {
            page = StixObjectReader.open(reply.body());
        } catch (StixFormatException e) {
            throw new StixifyApiException(path + " page " + pageNumber + ": " + e.getMessage(), e);
        }
    }

    private void closePage() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private void finish() {
        finished = true;
        closePage();
    }
}
