package io.sightline.server.connectors.cortex;

import java.util.LinkedHashMap;
import java.util.Map;

/** An offered analyzer in the Cortex connector's shape: {@code {id, name, version, description, dataTypeList, maxTlp, maxPap, cortexIds}}. */
final class CortexAnalyzerView {
    private CortexAnalyzerView() {}

    static Map<String, Object> of(OfferedAnalyzer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("version", a.version());
        m.put("description", a.description());
        m.put("dataTypeList", a.dataTypeList());
        m.put("maxTlp", a.maxTlp());
        m.put("maxPap", a.maxPap());
        m.put("cortexIds", a.cortexIds());
        return m;
    }
}
