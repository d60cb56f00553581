package io.sightline.server.patterns;

import java.util.List;

/** One ATT&CK technique as stored; {@code patternId} is ATT&CK's id (T1059.001), {@code id} the hub's. */
public record PatternRecord(long id, String patternId, String name, List<String> tactics, String parentId, String url,
                            String description, String createdBy, long createdAt, String updatedBy, Long updatedAt) {

    public boolean hasTactic(String tactic) {
        return tactics.contains(tactic);
    }
}
