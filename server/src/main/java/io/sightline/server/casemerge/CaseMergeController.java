package io.sightline.server.casemerge;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.cases.CaseView;
import java.util.Arrays;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** TheHive 5's {@code POST /api/v1/case/_merge/{ids}}, ids separated by commas; answers the new case. */
@RestController
public class CaseMergeController {
    private final CaseMergeService merges;

    public CaseMergeController(CaseMergeService merges) {
        this.merges = merges;
    }

    @PostMapping("/api/v1/case/_merge/{ids}")
    public Map<String, Object> merge(@PathVariable String ids) {
        return CaseView.of(merges.merge(CurrentPrincipal.get(), Arrays.stream(ids.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()));
    }
}
