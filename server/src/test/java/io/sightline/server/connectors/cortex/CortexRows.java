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
        return failedAction(hub, ActionObjectType.OBSERVABLE, "observable", Ids.parse(observableId, "Observable"));
    }

    /** The same on a case. */
    public static String failedActionOnCase(ApplicationContext hub, String caseId) {
        return failedAction(hub, ActionObjectType.CASE, "case_record", Ids.parse(caseId, "Case"));
    }

    private static String failedAction(ApplicationContext hub, ActionObjectType type, String table, long object) {
        long orgId = hub.getBean(JdbcClient.class).sql("SELECT org_id FROM " + table + " WHERE id = ?").param(object)
                .query(Long.class).single();
        long id = hub.getBean(CortexActionRepository.class).insertFailed(orgId, type, object,
                "nowhere", "Blocker_1_0", "Blocker_1_0", "{}", "{\"success\":false}", "refused in the test", "test",
                System.currentTimeMillis());
        return Ids.format(id);
    }
}
