package io.sightline.server.cases;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.BulkIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes applied to many cases at once, all or nothing, each audited as a single update would be. */
@Service
public class CaseBulkService {
    private final CaseService cases;

    public CaseBulkService(CaseService cases) {
        this.cases = cases;
    }

    @Transactional
    public void updateAll(Principal p, BulkIds ids, CaseChanges changes) {
        p.require(Permission.MANAGE_CASE);
        for (String id : ids.ids()) cases.update(p, id, changes);
    }
}
