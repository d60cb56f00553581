package io.sightline.server.common;

import io.sightline.server.core.Invalid;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The record ids of a bulk call ({@code ids} of TheHive's {@code _bulk} routes): at least one, at
 * most {@link #MAX} so one call cannot hold a transaction for long, each once, in the caller's order.
 */
public record BulkIds(String what, List<String> ids) {
    public static final int MAX = 1000;

    public BulkIds {
        if (ids == null || ids.isEmpty()) throw new Invalid("Field ids must list at least one " + what);
        if (ids.size() > MAX) throw new Invalid("Field ids lists " + ids.size() + " " + what + "s; at most " + MAX + " at once");
        ids = List.copyOf(new LinkedHashSet<>(ids));
    }
}
