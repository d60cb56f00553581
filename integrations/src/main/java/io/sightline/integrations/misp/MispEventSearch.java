package io.sightline.integrations.misp;

import io.sightline.integrations.misp.model.MispEventSummary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pages through {@code POST /events/index} by timestamp (keyset paging): each page asks for
 * events modified at or after a cursor, sorted by timestamp ascending; the cursor then moves to the
 * last timestamp seen and events already delivered at that exact timestamp are skipped. Unlike
 * page offsets, this neither skips nor repeats events when some are modified during the search.
 * When a whole page shares one second the page grows (up to {@link #MAX_LIMIT}) rather than
 * paging through ties in an order MISP does not keep. Every request moves the cursor forward,
 * grows the page or asks for a further page, so the search always ends.
 */
final class MispEventSearch {

    /** Fetches one page of summaries: timestamp lower bound, 1-based page, page size. */
    interface PageFetcher {
        List<MispEventSummary> fetch(long since, int page, int limit);
    }

    /** Largest page asked for when many events share one second (summaries are small). */
    static final int MAX_LIMIT = 10_000;

    private MispEventSearch() {
    }

    static MispSearchResult run(MispEventQuery query, long lowerBound, PageFetcher fetcher,
                                Consumer<MispEventSummary> consumer) {
        long cursor = lowerBound;
        long last = lowerBound;
        int limit = query.pageSize();
        int page = 1;
        int pages = 0;
        long delivered = 0, skipped = 0;
        Set<String> doneAtCursor = new HashSet<>();
        while (true) {
            if (pages >= query.maxPages()) {
                throw new MispPaginationException("event search stopped after " + pages
                        + " pages (maxPages); the checkpoint stays at " + last);
            }
            List<MispEventSummary> batch = fetcher.fetch(cursor, page, limit);
            pages++;
            checkOrder(batch, cursor, page);
            int fresh = 0;
            for (MispEventSummary event : batch) {
                if (event.timestamp() == cursor && !doneAtCursor.add(identity(event))) {
                    continue;
                }
                fresh++;
                if (tooLarge(query, event)) {
                    skipped++;
                } else {
                    consumer.accept(event);
                    delivered++;
                }
                last = event.timestamp();
            }
            if (batch.size() < limit) {
                return new MispSearchResult(pages, delivered, skipped, last);
            }
            if (fresh == 0) {
                throw new MispPaginationException("MISP answered page " + page + " (limit " + limit
                        + ") of events modified since " + cursor + " with events already received; it seems to"
                        + " ignore 'limit' or 'page'. Stopping at " + last);
            }
            long newest = batch.get(batch.size() - 1).timestamp();
            boolean oneSecond = batch.get(0).timestamp() == newest;
            if (newest > cursor) {
                cursor = newest;
                doneAtCursor = new HashSet<>();
                for (MispEventSummary event : batch) {
                    if (event.timestamp() == newest) {
                        doneAtCursor.add(identity(event));
                    }
                }
                limit = query.pageSize();
                page = 1;
            }
            if (oneSecond) {
                // More events share this second than a page holds. MISP orders ties arbitrarily, so
                // paging through them could skip some: ask for all of them at once instead, and page
                // only beyond MAX_LIMIT events in one second.
                if (limit < MAX_LIMIT) {
                    limit = Math.min(MAX_LIMIT, limit * 2);
                    page = 1;
                } else {
                    page++;
                }
            }
        }
    }

    private static boolean tooLarge(MispEventQuery query, MispEventSummary event) {
        return query.maxAttributes() != null && event.attributeCount() != null
                && event.attributeCount() > query.maxAttributes();
    }

    private static String identity(MispEventSummary event) {
        return event.uuid() != null ? event.uuid() : event.id();
    }

    /** Keyset paging is only safe when MISP honoured the filter and the order. */
    private static void checkOrder(List<MispEventSummary> batch, long cursor, int page) {
        long previous = cursor;
        List<String> problems = new ArrayList<>();
        for (MispEventSummary event : batch) {
            if (event.timestamp() < previous) {
                problems.add("event " + identity(event) + " (timestamp " + event.timestamp() + ") after timestamp " + previous);
                break;
            }
            previous = event.timestamp();
        }
        if (!problems.isEmpty()) {
            throw new MispPaginationException("MISP did not return page " + page
                    + " sorted by timestamp ascending from " + cursor + ": " + problems.get(0)
                    + "; an incremental sync cannot be done safely");
        }
    }
}
