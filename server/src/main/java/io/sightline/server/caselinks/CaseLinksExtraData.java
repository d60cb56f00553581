package io.sightline.server.caselinks;

import io.sightline.server.auth.Principal;
import io.sightline.server.query.QueryExtraDataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A case's {@code extraData.links} in {@code /api/v1/query} (thehive4py's {@code extra_data=["links"]}): one query per page. */
@Component
class CaseLinksExtraData implements QueryExtraDataSource {
    private final CaseLinkRepository links;

    CaseLinksExtraData(CaseLinkRepository links) {
        this.links = links;
    }

    @Override public String entity() { return "case"; }
    @Override public String name() { return "links"; }

    /** Every case of the page gets its links, empty lists when it has none; links to cases hidden from the caller are left out. */
    @Override
    public Map<Long, ?> of(Principal caller, List<Long> ids) {
        Map<Long, List<CaseLink>> byCase = links.ofCases(caller, ids);
        Map<Long, Object> out = new HashMap<>();
        for (Long id : ids) out.put(id, CaseLinkView.of(byCase.getOrDefault(id, List.of())));
        return out;
    }
}
