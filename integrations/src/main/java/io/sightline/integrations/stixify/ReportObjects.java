package io.sightline.integrations.stixify;

import io.sightline.integrations.http.HttpCall;
import io.sightline.integrations.http.HttpReply;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.stix.StixFormatException;
import io.sightline.stix.StixObjectReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects of one Stixify report, read lazily page by page ({@code page_size=200}): at most one
 * page's HTTP stream is open and one object is parsed at a time, so a report of any size streams
 * through bounded memory. Pagination is guarded ({@link PageGuard}); a page whose answer breaks off
 * is requested again (up to {@link #MAX_RESUMES} times) without returning any object twice. A
 * malformed page raises {@link StixifyApiException}; HTTP failures raise the HTTP layer's
 * exceptions, a page still broken after the resumes an {@link UncheckedIOException}. Not
 * thread-safe; close it to release the open page.
 */
public final class ReportObjects implements Iterator<ObjectNode>, AutoCloseable {
    /** A page whose answer breaks off mid-way is requested again this many times, skipping what was read. */
    public static final int MAX_RESUMES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ReportObjects.class);

    private final HttpTarget target;
    private final String path;
    private final String reportId;
    private final PageGuard guard;

    private StixObjectReader page;
    private boolean pageDone = true;
    private int pageNumber;
    private int pageCount;
    private String pageFirstId;
    /** Times the current page was requested again; counted per page, so breaks spread over its objects add up. */
    private int pageResumes;
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
            if (pageDone) startNextPage();
            try {
                if (pageHasNext()) {
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
                pageDone = true;
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

    private void startNextPage() {
        pageNumber = guard.nextPage();
        pageCount = 0;
        pageFirstId = null;
        pageResumes = 0;
        pageDone = false;
        closePage();
    }

    /**
     * Whether the current page has another object, opening it if needed. When the answer breaks
     * off (connection reset, truncated body), the page is requested again and the objects already
     * returned from it are skipped: report objects do not change once Stixify has extracted them.
     */
    private boolean pageHasNext() {
        while (true) {
            try {
                if (page == null) openPage(pageCount);
                return page.hasNext();
            } catch (UncheckedIOException e) {
                closePage();
                if (pageResumes++ >= MAX_RESUMES) throw e;
                LOG.warn("{} page {} broke off after {} object(s) ({}); requesting it again", path, pageNumber, pageCount,
                        e.getMessage());
            }
        }
    }

    private void openPage(int skip) {
        HttpCall call = HttpCall.get(path).query(StixifyClient.pageQuery(pageNumber)).build();
        HttpReply<InputStream> reply = target.openStream(call);
        page = StixObjectReader.open(reply.body());
        for (int i = 0; i < skip; i++) {
            if (!page.hasNext()) throw new StixifyApiException(path + " page " + pageNumber + " is shorter than when first read");
            page.next();
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
