package io.sightline.server.caselinks;

import io.sightline.server.common.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TheHive 5's case links under a case's {@code extraData.links}: {@code {"caseLinks": [{"caseId",
 * "number", "title", "linkType"}], "externalLinks": [{"url", "linkType"}]}}; one link alone is
 * also what its audit entry records.
 */
public final class CaseLinkView {
    private CaseLinkView() {}

    public static Map<String, Object> of(List<CaseLink> links) {
        List<Map<String, Object>> toCases = new ArrayList<>();
        List<Map<String, Object>> external = new ArrayList<>();
        for (CaseLink l : links) (l.toCase() ? toCases : external).add(of(l));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caseLinks", toCases);
        out.put("externalLinks", external);
        return out;
    }

    public static Map<String, Object> of(CaseLink l) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (l.toCase()) {
            out.put("caseId", Ids.format(l.linkedCaseId()));
            out.put("number", l.linkedNumber());
            out.put("title", l.linkedTitle());
        } else {
            out.put("url", l.url());
        }
        out.put("linkType", l.linkType());
        return out;
    }
}
