package io.sightline.server.connectors.cortex;

import io.sightline.server.common.Ids;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cortex rows for tests of other packages that need one without a Cortex to run it: written
 * through the table's own repository, as the hub writes them.
 */
public final class CortexRows {
    private CortexRows() {}

    /** A responder action on the observable, ended in Failure as one Cortex refused; its id as the API shows it. */
    public static String failedActionOn(ApplicationContext hub, String observableId) {
        long observable = Ids.parse(observableId, "Observable");
        long orgId = hub.getBean(JdbcClient.class).sql("SELECT org_id FROM observable WHERE id = ?").param(observable)
                .query(Long.class).single();
        long id = hub.getBean(CortexActionRepository.class).insertFailed(orgId, ActionObjectType.OBSERVABLE, observable,
                "nowhere", "Blocker_1_0", "Blocker_1_0", "{}", "{\"success\":false}", "refused in the test", "test",
                System.currentTimeMillis());
        return Ids.format(id);
    }
}
