package io.sightline.integrations.misp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of an incremental event search ({@code POST /events/index}, see
 * {@link MispClient#searchEvents}).
 *
 * @param since          lower bound on the event {@code timestamp} (last modification), inclusive;
 *                       null for none (the stored checkpoint)
 * @param maxAge         only events modified within this duration before now; null for none
 * @param includeTags    events must carry at least one of these tags (empty: no restriction)
 * @param excludeTags    events with any of these tags are left out
 * @param includeOrgs    events must be created by one of these organisations (name or id)
 * @param excludeOrgs    events created by these organisations are left out
 * @param publishedOnly  true: only published events; false or null: any
 * @param maxAttributes  events whose {@code attribute_count} is larger are skipped (null: no limit)
 * @param pageSize       events per index page (MISP {@code limit})
 * @param maxPages       safety bound on the number of pages of one search
 */
public record MispEventQuery(Instant since, Duration maxAge, List<String> includeTags, List<String> excludeTags,
                             List<String> includeOrgs, List<String> excludeOrgs, Boolean publishedOnly,
                             Integer maxAttributes, int pageSize, int maxPages) {

    public static final int DEFAULT_PAGE_SIZE = 200;
    public static final int DEFAULT_MAX_PAGES = 100_000;

    public MispEventQuery {
        includeTags = List.copyOf(includeTags);
        excludeTags = List.copyOf(excludeTags);
        includeOrgs = List.copyOf(includeOrgs);
        excludeOrgs = List.copyOf(excludeOrgs);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The effective lower bound in epoch seconds: the later of {@code since} and now − maxAge. */
    public long lowerBound(Instant now) {
        long bound = since == null ? 0 : since.getEpochSecond();
        if (maxAge != null) {
            bound = Math.max(bound, now.minus(maxAge).getEpochSecond());
        }
        return bound;
    }

    /** MISP's tag filter: wanted tags as they are, excluded ones prefixed with {@code !}. */
    List<String> tagFilter() {
        return filter(includeTags, excludeTags);
    }

    /** MISP's organisation filter, same convention. */
    List<String> orgFilter() {
        return filter(includeOrgs, excludeOrgs);
    }

    private static List<String> filter(List<String> include, List<String> exclude) {
        List<String> values = new ArrayList<>(include);
        exclude.forEach(x -> values.add("!" + x));
        return values;
    }

    public static final class Builder {
        private Instant since;
        private Duration maxAge;
        private List<String> includeTags = List.of(), excludeTags = List.of(), includeOrgs = List.of(), excludeOrgs = List.of();
        private Boolean publishedOnly;
        private Integer maxAttributes;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int maxPages = DEFAULT_MAX_PAGES;

        public Builder since(Instant value) {
            since = value;
            return this;
        }

        public Builder maxAge(Duration value) {
            maxAge = value;
            return this;
        }

        public Builder includeTags(List<String> value) {
            includeTags = value;
            return this;
        }

        public Builder excludeTags(List<String> value) {
            excludeTags = value;
            return this;
        }

        public Builder includeOrgs(List<String> value) {
            includeOrgs = value;
            return this;
        }

        public Builder excludeOrgs(List<String> value) {
            excludeOrgs = value;
            return this;
        }

        public Builder publishedOnly(Boolean value) {
            publishedOnly = value;
            return this;
        }

        public Builder maxAttributes(Integer value) {
            maxAttributes = value;
            return this;
        }

        public Builder pageSize(int value) {
            pageSize = value;
            return this;
        }

        public Builder maxPages(int value) {
            maxPages = value;
            return this;
        }

        public MispEventQuery build() {
            return new MispEventQuery(since, maxAge, includeTags, excludeTags, includeOrgs, excludeOrgs,
                    publishedOnly, maxAttributes, pageSize, maxPages);
        }
    }
}
