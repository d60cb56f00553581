package io.sightline.integrations.stixify;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a paginated Stixify list is finished, so that a server lying about its total or
 * repeating pages cannot make the client loop forever. The original connector loops while
 * {@code collected < total_results_count}; this guard also stops on an empty page, on a page that
 * repeats the previous one (same first item), and after {@code ceil(total / page_size) + 1} pages.
 */
final class PageGuard {
    private static final Logger LOG = LoggerFactory.getLogger(PageGuard.class);

    private final String what;
    private final int pageSize;
    private long collected;
    private long maxPages = Long.MAX_VALUE;
    private String previousFirstId;
    private int page;

    PageGuard(String what, int pageSize) {
        this.what = what;
        this.pageSize = pageSize;
    }

    /** The page to request next (1-based). */
    int nextPage() {
        return page + 1;
    }

    /**
     * Records a page that was read.
     *
     * @param itemCount items the page held
     * @param firstId id of its first item, or null
     * @param total its {@code total_results_count}
     * @return whether another page must be requested
     */
    boolean pageRead(int itemCount, String firstId, long total) {
        page++;
        if (page == 1) maxPages = total <= 0 ? 1 : (total + pageSize - 1) / pageSize + 1;
        if (itemCount == 0) {
            if (collected < total) LOG.warn("{}: page {} is empty although only {} of {} results were read; stopping", what, page, collected, total);
            return false;
        }
        if (firstId != null && Objects.equals(firstId, previousFirstId)) {
            LOG.warn("{}: page {} repeats page {}; stopping after {} results", what, page, page - 1, collected);
            return false;
        }
        previousFirstId = firstId;
        collected += itemCount;
        if (collected >= total) return false;
        if (page >= maxPages) {
            LOG.warn("{}: still {} of {} results after {} pages of {}; stopping", what, collected, total, page, pageSize);
            return false;
        }
        return true;
    }

    /** Whether the page just read repeated the previous one (its items must be skipped). */
    boolean isRepeat(String firstId) {
        return firstId != null && Objects.equals(firstId, previousFirstId);
    }
}
