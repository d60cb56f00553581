package io.sightline.integrations.misp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pages through {@code POST /events/index} by timestamp (keyset paging): each page asks for
 * events modified at or after a cursor, sorted by timestamp ascending; the cursor then moves to the
 * last timestamp seen and events already delivered at that exact timestamp are skipped. Unlike
 * page offsets, this neither skips nor repeats events when some are modified during the search,
 * and every request either moves the cursor forward or asks for a further page of one timestamp,
 * so the search always ends.
 */
final class MispEventSearch {

    /** Fetches one page of summaries: timestamp lower bound, 1-based page, page size. */
    interface PageFetcher {
        List<MispEventSummary> fetch(long since, int page, int limit);
    }

    private MispEventSearch() {
    }

    static MispSearchResult run(MispEventQuery query, long lowerBound, PageFetcher fetcher,
                                Consumer<MispEventSummary> consumer) {
        long cursor = lowerBound;
        long last = lowerBound;
        int page = 1;
        int pages = 0;
        long delivered = 0, skipped = 0;
        Set<String> doneAtCursor = new HashSet<>();
        while (true) {
            if (pages >= query.maxPages()) {
                throw new MispPaginationException("event search stopped after " + pages
                        + " pages (maxPages); the checkpoint stays at " + last);
            }
            List<MispEventSummary> batch = fetcher.fetch(cursor, page, query.pageSize());
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
            if (batch.size() < query.pageSize()) {
                return new MispSearchResult(pages, delivered, skipped, last);
            }
            if (fresh == 0) {
                throw new MispPaginationException("MISP answered page " + page + " of events modified since "
                        + cursor + " with events already received; it seems to ignore 'page'. Stopping at " + last);
            }
            long newest = batch.get(batch.size() - 1).timestamp();
            if (newest > cursor) {
                cursor = newest;
                doneAtCursor = new HashSet<>();
                for (MispEventSummary event : batch) {
                    if (event.timestamp() == newest) {
                        doneAtCursor.add(identity(event));
                    }
                }
                // a full page of one second: its first page from the new cursor is the one just read
                page = doneAtCursor.size() >= query.pageSize() ? 2 : 1;
            } else {
                page++;
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
