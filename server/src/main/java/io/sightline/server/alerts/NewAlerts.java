package io.sightline.server.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many alerts wait in status {@code New}, by severity (highest first) and by source (most
 * first, the {@link #SOURCES_SHOWN} largest).
 */
public record NewAlerts(long total, List<BySeverity> bySeverity, List<BySource> bySource) {
    public static final int SOURCES_SHOWN = 8;

    public record BySeverity(int severity, long count) {}

    public record BySource(String source, long count) {}

    /** One group of the count: alerts of one severity from one source. */
    record Group(int severity, String source, long count) {}

    static NewAlerts of(List<Group> groups) {
        TreeMap<Integer, Long> severities = new TreeMap<>(Comparator.reverseOrder());
        TreeMap<String, Long> sources = new TreeMap<>();
        long total = 0;
        for (Group g : groups) {
            severities.merge(g.severity(), g.count(), Long::sum);
            sources.merge(g.source(), g.count(), Long::sum);
            total += g.count();
        }
        List<BySeverity> bySeverity = new ArrayList<>();
        severities.forEach((s, n) -> bySeverity.add(new BySeverity(s, n)));
        List<BySource> bySource = sources.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SOURCES_SHOWN).map(e -> new BySource(e.getKey(), e.getValue())).toList();
        return new NewAlerts(total, List.copyOf(bySeverity), bySource);
    }
}
