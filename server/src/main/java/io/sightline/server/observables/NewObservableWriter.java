package io.sightline.server.observables;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.SqlCondition;

/**
 * Writes one new observable of a case or an alert together with its tags and its audit entry,
 * checking in the same write that the caller may add to the case or alert ({@link
 * Owner#addableBy}) and that it does not hold the value yet: the hot path of observable creation, in as few round trips as the
 * database allows.
 */
interface NewObservableWriter {
    /** What became of one value. */
    record Written(Status status, long id) {
        enum Status { CREATED, ALREADY_THERE, NO_SUCH_OWNER }

        static Written created(long id) {
            return new Written(Status.CREATED, id);
        }

        static final Written ALREADY_THERE = new Written(Status.ALREADY_THERE, 0);
        static final Written NO_SUCH_OWNER = new Written(Status.NO_SUCH_OWNER, 0);
    }

    /** @param o the observable to add, with caseId or alertId set and id 0 */
    Written create(Principal p, ObservableRecord o);

    /** Whether create() is a single statement, hence atomic even outside a transaction. */
    boolean oneStatement();

    /** The table and column that tie an observable to its owner, a case or an alert (constants, never input). */
    record Owner(String table, String column) {
        static final Owner CASE = new Owner("case_record", "case_id");
        static final Owner ALERT = new Owner("alert", "alert_id");

        static Owner of(ObservableRecord o) {
            return o.caseId() != null ? CASE : ALERT;
        }

        static long id(ObservableRecord o) {
            return o.caseId() != null ? o.caseId() : o.alertId();
        }

        static Owner of(Long caseId) {
            return caseId != null ? CASE : ALERT;
        }

        /**
         * The condition on the owner row {@code parent} under which the caller may add to it: a
         * case they see ({@link CaseVisibility}: a restricted case must name them), an alert of
         * their organisation. Its text is the same for every caller; only its values differ.
         */
        SqlCondition addableBy(Principal p) {
            return equals(CASE) ? CaseVisibility.of("parent", p) : SqlCondition.of("parent.org_id = ?", p.orgId());
        }
    }
}
