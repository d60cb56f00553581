package io.sightline.testkit.misp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /events/index} as MISP does it: filters with or without the {@code search} prefix
 * ({@code timestamp} ≥, {@code publish_timestamp} ≥, {@code published}, {@code tag} and
 * {@code org} lists OR-ed with {@code !} negation, {@code eventid}), {@code sort} / {@code direction}
 * (default: timestamp descending), and {@code limit} / {@code page} (1-based) paging; the total
 * before paging goes to {@code X-Result-Count}.
 */
final class EmulatorIndexSearch {

    record Page(List<ObjectNode> events, long total) {
    }

    private EmulatorIndexSearch() {
    }

    static Page search(List<ObjectNode> headers, JsonNode filters, MispEmulatorStore store) {
        List<ObjectNode> matching = new ArrayList<>();
        Predicate<ObjectNode> match = filter(filters);
        for (ObjectNode header : headers) {
            if (match.test(header)) {
                matching.add(header);
            }
        }
        // MISP lists the most recently modified first unless told otherwise
        String sort = filters.path("sort").asString("timestamp");
        boolean descending = filters.has("sort")
                ? filters.path("direction").asString("asc").equalsIgnoreCase("desc")
                : !filters.path("direction").asString("desc").equalsIgnoreCase("asc");
        matching.sort(order(sort, descending));
        long total = matching.size();
        matching = page(matching, filters);
        List<ObjectNode> out = new ArrayList<>(matching.size());
        matching.forEach(h -> out.add(indexEntry(h, store)));
        return new Page(out, total);
    }

    /**
     * {@code POST /events/restSearch}: the full events passing the same filters ({@code eventid}
     * takes ids or uuids), in id order (not the index's), paged by {@code limit} / {@code page}.
     */
    static List<EmulatedEvent> restSearch(MispEmulatorStore store, JsonNode filters) {
        Predicate<ObjectNode> match = filter(filters);
        JsonNode eventIds = param(filters, "eventid");
        // asked by id: look those up rather than test every stored event
        List<String> candidates = eventIds != null ? values(eventIds) : store.eventIds();
        java.util.Map<String, EmulatedEvent> matching = new java.util.LinkedHashMap<>();
        for (String id : candidates) {
            store.find(id.strip()).filter(e -> !matching.containsKey(e.id()) && match.test(e.header()))
                    .ifPresent(e -> matching.put(e.id(), e));
        }
        List<EmulatedEvent> events = new ArrayList<>(matching.values());
        events.sort(Comparator.comparing((EmulatedEvent e) -> e.id().length()).thenComparing(EmulatedEvent::id));
        return page(events, filters);
    }

    private static <T> List<T> page(List<T> matching, JsonNode filters) {
        int limit = filters.path("limit").asInt(0);
        if (limit <= 0) {
            return matching;
        }
        int page = Math.max(1, filters.path("page").asInt(1));
        long from = (long) (page - 1) * limit;
        return from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + limit));
    }

    private static Predicate<ObjectNode> filter(JsonNode filters) {
        Predicate<ObjectNode> match = e -> true;
        JsonNode timestamp = param(filters, "timestamp");
        if (timestamp != null) {
            long from = Long.parseLong(timestamp.asString());
            match = match.and(e -> Long.parseLong(e.path("timestamp").asString("0")) >= from);
        }
        JsonNode publishTimestamp = param(filters, "publish_timestamp");
        if (publishTimestamp != null) {
            long from = Long.parseLong(publishTimestamp.asString());
            match = match.and(e -> Long.parseLong(e.path("publish_timestamp").asString("0")) >= from);
        }
        JsonNode published = param(filters, "published");
        if (published != null) {
            boolean wanted = published.asString().equals("1") || published.asString().equalsIgnoreCase("true");
            match = match.and(e -> e.path("published").asBoolean(false) == wanted);
        }
        JsonNode tags = param(filters, "tag");
        if (tags == null) {
            tags = param(filters, "tags");
        }
        if (tags != null) {
            match = match.and(listFilter(values(tags), e -> tagNames(e)));
        }
        JsonNode orgs = param(filters, "org");
        if (orgs != null) {
            match = match.and(listFilter(values(orgs), e -> List.of(
                    e.path("Orgc").path("name").asString("").toLowerCase(Locale.ROOT), e.path("orgc_id").asString(""))));
        }
        JsonNode eventIds = param(filters, "eventid");
        if (eventIds != null) {
            java.util.Set<String> ids = new java.util.HashSet<>(values(eventIds));
            match = match.and(e -> ids.contains(e.path("id").asString()) || ids.contains(e.path("uuid").asString()));
        }
        return match;
    }

    /** A filter value given as {@code searchX} or {@code X}. */
    private static JsonNode param(JsonNode filters, String name) {
        JsonNode value = filters.get("search" + name);
        if (value == null || value.isNull()) {
            value = filters.get(name);
        }
        return value == null || value.isNull() || (value.isString() && value.asString().isBlank()) ? null : value;
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asString()));
        } else {
            for (String part : node.asString().split("\\|")) {
                values.add(part);
            }
        }
        return values;
    }

    /** MISP's list semantics: any positive value must match, no negated value may match. */
    private static Predicate<ObjectNode> listFilter(List<String> values, java.util.function.Function<ObjectNode, List<String>> of) {
        List<String> wanted = new ArrayList<>();
        List<String> unwanted = new ArrayList<>();
        for (String v : values) {
            String lower = v.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("!")) {
                unwanted.add(lower.substring(1));
            } else if (!lower.isEmpty()) {
                wanted.add(lower);
            }
        }
        return e -> {
            List<String> have = of.apply(e);
            return (wanted.isEmpty() || have.stream().anyMatch(wanted::contains))
                    && have.stream().noneMatch(unwanted::contains);
        };
    }

    private static List<String> tagNames(ObjectNode header) {
        List<String> names = new ArrayList<>();
        header.path("Tag").forEach(t -> names.add(t.path("name").asString("").toLowerCase(Locale.ROOT)));
        return names;
    }

    /** The flat index shape: event fields, Org, Orgc and {@code EventTag[].Tag}. */
    static ObjectNode indexEntry(ObjectNode header, MispEmulatorStore store) {
        ObjectNode entry = header.deepCopy();
        entry.remove("Tag");
        entry.put("proposal_email_lock", false);
        entry.put("locked", false);
        entry.put("disable_correlation", false);
        ArrayNode eventTags = entry.putArray("EventTag");
        int n = 0;
        for (JsonNode tag : header.path("Tag")) {
            ObjectNode eventTag = eventTags.addObject();
            eventTag.put("id", String.valueOf(++n));
            eventTag.put("event_id", header.path("id").asString());
            eventTag.put("tag_id", store.tagId(tag.path("name").asString()));
            eventTag.put("local", false);
            eventTag.set("Tag", tag.deepCopy());
        }
        return entry;
    }

    static Comparator<ObjectNode> order(String sort, boolean descending) {
        Comparator<ObjectNode> comparator = switch (sort) {
            case "id", "timestamp", "publish_timestamp", "attribute_count" ->
                    Comparator.comparingLong(n -> Long.parseLong(n.path(sort).asString("0")));
            default -> Comparator.comparing(n -> n.path(sort).asString(""));
        };
        return descending ? comparator.reversed() : comparator;
    }
}
