package io.sightline.integrations.misp;

import io.sightline.integrations.misp.model.MispEventSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MispEventSearchTest {

    private static MispEventSummary event(String uuid, long timestamp) {
        return new MispEventSummary(uuid, uuid, "e", null, timestamp, 0, true, 3, 4, 0, 1, null, null, List.of(), null);
    }

    /** A well-behaved server: timestamp filter ≥, ascending order, limit/page. */
    private static MispEventSearch.PageFetcher server(List<MispEventSummary> events) {
        return (since, page, limit) -> {
            List<MispEventSummary> matching = events.stream().filter(e -> e.timestamp() >= since)
                    .sorted(Comparator.comparingLong(MispEventSummary::timestamp)).toList();
            int from = (page - 1) * limit;
            return from >= matching.size() ? List.of() : matching.subList(from, Math.min(matching.size(), from + limit));
        };
    }

    private static final MispEventQuery PAGE_OF_2 = MispEventQuery.builder().pageSize(2).build();

    @Test
    void deliversEveryEventOnceAcrossPagesAndSharedSeconds() {
        List<MispEventSummary> events = List.of(event("a", 1), event("b", 2), event("c", 2), event("d", 2),
                event("e", 2), event("f", 3), event("g", 5));
        List<String> seen = new ArrayList<>();

        MispSearchResult result = MispEventSearch.run(PAGE_OF_2, 0, server(events), e -> seen.add(e.uuid()));

        assertThat(seen).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(result.delivered()).isEqualTo(7);
        assertThat(result.lastTimestamp()).isEqualTo(5);
    }

    @Test
    void tiesInAnyOrderAcrossPagesAreAllDeliveredOnce() {
        List<MispEventSummary> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(event("t" + i, 50));
        }
        events.add(event("later", 51));
        List<String> seen = new ArrayList<>();
        int[] calls = {0};
        MispEventSearch.PageFetcher fetcher = (since, page, limit) -> {
            // MISP gives no order among events of one second: reverse it on every other request
            List<MispEventSummary> ordered = new ArrayList<>(events);
            if (calls[0]++ % 2 == 1) {
                java.util.Collections.reverse(ordered.subList(0, 9));
            }
            return server(ordered).fetch(since, page, limit);
        };

        MispEventSearch.run(PAGE_OF_2, 0, fetcher, e -> seen.add(e.uuid()));

        assertThat(seen).hasSize(10).doesNotHaveDuplicates().endsWith("later");
    }

    @Test
    void anEventModifiedDuringTheSearchIsNotLost() {
        List<MispEventSummary> events = new ArrayList<>(List.of(event("a", 1), event("b", 2), event("c", 3),
                event("d", 4), event("e", 5)));
        List<String> seen = new ArrayList<>();
        MispEventSearch.PageFetcher server = server(events);

        MispEventSearch.run(PAGE_OF_2, 0, (since, page, limit) -> {
            List<MispEventSummary> answer = server.fetch(since, page, limit);
            if (seen.contains("b") && events.get(0).uuid().equals("a")) {
                events.set(0, event("a", 9)); // "a" edited in MISP while we page
            }
            return answer;
        }, e -> seen.add(e.uuid()));

        assertThat(seen).containsExactly("a", "b", "c", "d", "e", "a");
    }

    @Test
    void aServerIgnoringPageStopsTheSearchInsteadOfLooping() {
        // more events in one second than the largest page: only then is 'page' needed
        List<MispEventSummary> sameSecond = new ArrayList<>();
        for (int i = 0; i <= MispEventSearch.MAX_LIMIT; i++) {
            sameSecond.add(event("s" + i, 7));
        }
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> MispEventSearch.run(PAGE_OF_2, 0,
                (since, page, limit) -> sameSecond.subList(0, limit), e -> seen.add(e.uuid())))
                .isInstanceOf(MispPaginationException.class)
                .hasMessageContaining("ignore 'limit' or 'page'");
        assertThat(seen).hasSize(MispEventSearch.MAX_LIMIT).doesNotHaveDuplicates();
    }

    @Test
    void moreTiesThanTheLargestPageArePagedThrough() {
        List<MispEventSummary> sameSecond = new ArrayList<>();
        for (int i = 0; i < MispEventSearch.MAX_LIMIT + 5; i++) {
            sameSecond.add(event("s" + i, 7));
        }
        List<String> seen = new ArrayList<>();

        MispEventSearch.run(PAGE_OF_2, 0, server(sameSecond), e -> seen.add(e.uuid()));

        assertThat(seen).hasSize(MispEventSearch.MAX_LIMIT + 5).doesNotHaveDuplicates();
    }

    @Test
    void aServerIgnoringTheOrderIsRefused() {
        List<MispEventSummary> descending = List.of(event("b", 9), event("a", 3));

        assertThatThrownBy(() -> MispEventSearch.run(PAGE_OF_2, 0, (since, page, limit) -> descending, e -> { }))
                .isInstanceOf(MispPaginationException.class)
                .hasMessageContaining("sorted by timestamp ascending");
    }

    @Test
    void aServerIgnoringTheTimestampFilterIsRefused() {
        assertThatThrownBy(() -> MispEventSearch.run(PAGE_OF_2, 100, (since, page, limit) -> List.of(event("old", 5)), e -> { }))
                .isInstanceOf(MispPaginationException.class);
    }

    @Test
    void pageLimitBoundsTheSearch() {
        List<MispEventSummary> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(event("e" + i, i));
        }
        MispEventQuery query = MispEventQuery.builder().pageSize(2).maxPages(3).build();

        assertThatThrownBy(() -> MispEventSearch.run(query, 0, server(many), e -> { }))
                .isInstanceOf(MispPaginationException.class)
                .hasMessageContaining("3 pages");
    }

    @Test
    void tooLargeEventsAreCountedNotDelivered() {
        MispEventSummary big = new MispEventSummary("big", "big", "e", null, 4, 0, true, 3, 4, 0, 50_000, null, null, List.of(), null);
        List<String> seen = new ArrayList<>();

        MispSearchResult result = MispEventSearch.run(MispEventQuery.builder().maxAttributes(1_000).build(), 0,
                server(List.of(event("a", 1), big)), e -> seen.add(e.uuid()));

        assertThat(seen).containsExactly("a");
        assertThat(result.skippedTooLarge()).isEqualTo(1);
        assertThat(result.lastTimestamp()).isEqualTo(4);
    }
}
