package io.sightline.integrations.attack;

import java.util.List;

/**
 * One ATT&CK technique or sub-technique.
 *
 * @param attackId ATT&CK's id, e.g. {@code T1059} or {@code T1059.001}
 * @param tactics the kill-chain phase names of the mitre-attack chain, e.g. {@code execution}
 * @param parentId the technique a sub-technique belongs to, null for a technique
 * @param description shortened (see {@link AttackStix#shorten})
 */
public record AttackTechnique(String attackId, String name, List<String> tactics, String parentId, String url,
                              String description) {
    public AttackTechnique {
        tactics = List.copyOf(tactics);
    }

    public boolean subTechnique() {
        return parentId != null;
    }
}
