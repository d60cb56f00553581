package io.sightline.server.patterns;

import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TheHive 5's OutputPattern shape; the parent of a sub-technique is in {@code extraData}. */
public final class PatternView {
    private PatternView() {}

    public static Map<String, Object> of(PatternRecord p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(p.id()));
        out.put("_type", "Pattern");
        out.put("_createdBy", p.createdBy());
        out.put("_createdAt", p.createdAt());
        if (p.updatedBy() != null) out.put("_updatedBy", p.updatedBy());
        if (p.updatedAt() != null) out.put("_updatedAt", p.updatedAt());
        out.put("patternId", p.patternId());
        out.put("name", p.name());
        out.put("description", p.description());
        out.put("tactics", p.tactics());
        if (p.url() != null) out.put("url", p.url());
        out.put("patternType", "attack-pattern");
        out.put("revoked", false);
        out.put("platforms", List.of());
        out.put("dataSources", List.of());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("isSubtechnique", p.parentId() != null);
        if (p.parentId() != null) extra.put("parent", p.parentId());
        out.put("extraData", extra);
        return out;
    }

    /** ATT&CK's label of a kill-chain phase name: "command-and-control" is "Command and Control". */
    public static String tacticLabel(String tactic) {
        StringBuilder out = new StringBuilder();
        for (String word : tactic.split("-")) {
            if (word.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(word.equals("and") ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
