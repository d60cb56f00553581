package io.sightline.server.api;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The body of TheHive's share and unshare calls of tasks and observables ({@code InputCreateShare}, {@code InputRemoveShares}). */
public final class ShareJson {
    private ShareJson() {}

    /** The organisations named, by name or {@code "~id"}: 1 to 100, each at most 128 characters. */
    public static List<String> organisations(JsonNode body) {
        JsonInput in = JsonInput.of(body, "share", Set.of("organisations"));
        return in.strings("organisations", 100, 128).orElseThrow(() -> in.missing("organisations"));
    }
}
