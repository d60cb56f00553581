package io.sightline.server.procedures;

import io.sightline.server.common.Ids;
import io.sightline.server.patterns.PatternView;
import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive 5's OutputProcedure shape. */
public final class ProcedureView {
    private ProcedureView() {}

    public static Map<String, Object> of(ProcedureRecord p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(p.id()));
        out.put("_type", "Procedure");
        out.put("_createdBy", p.createdBy());
        out.put("_createdAt", p.createdAt());
        if (p.updatedBy() != null) out.put("_updatedBy", p.updatedBy());
        if (p.updatedAt() != null) out.put("_updatedAt", p.updatedAt());
        if (p.description() != null) out.put("description", p.description());
        out.put("occurDate", p.occurDate());
        out.put("patternId", p.patternId());
        if (p.patternName() != null) out.put("patternName", p.patternName());
        if (p.tactic() != null) {
            out.put("tactic", p.tactic());
            out.put("tacticLabel", PatternView.tacticLabel(p.tactic()));
        }
        out.put("extraData", Map.of());
        return out;
    }
}
