package io.sightline.server.connectors.cortex;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;

/**
 * Which analyzer jobs and responder actions a caller sees: those of the organisation whose record
 * is not in a case hidden from the caller ({@link CaseVisibility}). A job follows its observable's
 * case; an action the case, task, observable or task log it ran on (an alert's actions have no case).
 */
final class CortexVisibility {
    private CortexVisibility() {}

    /** The condition on the {@code cortex_job} row {@code alias}. */
    static SqlCondition jobs(String alias, Principal caller) {
        return CaseVisibility.belowCases(alias, "(SELECT jo.case_id FROM observable jo WHERE jo.id = " + alias + ".observable_id)", caller);
    }

    /** The condition on the {@code cortex_action} row {@code alias}. */
    static SqlCondition actions(String alias, Principal caller) {
        String id = alias + ".object_id";
        String caseOfObject = "(CASE " + alias + ".object_type"
                + " WHEN 'CASE' THEN " + id
                + " WHEN 'TASK' THEN (SELECT ak.case_id FROM task ak WHERE ak.id = " + id + ")"
                + " WHEN 'OBSERVABLE' THEN (SELECT ao.case_id FROM observable ao WHERE ao.id = " + id + ")"
                + " WHEN 'LOG' THEN (SELECT lk.case_id FROM task_log al JOIN task lk ON lk.id = al.task_id WHERE al.id = " + id + ")"
                + " END)";
        return CaseVisibility.belowCases(alias, caseOfObject, caller);
    }
}
