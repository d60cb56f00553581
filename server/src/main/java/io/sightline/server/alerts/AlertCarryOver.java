package io.sightline.server.alerts;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;

/**
 * What another package carries from an alert to the case it is imported into (a new case by
 * promotion, or an existing one by merge), as TheHive 5 moves an alert's comments, TTPs and custom
 * fields. Called in the import's transaction, after the observables are copied and before the
 * alert is marked imported; the caller may manage alerts and owns both records. Each bean audits
 * what it writes.
 */
public interface AlertCarryOver {
    void carry(Principal p, AlertRecord alert, CaseRecord target);
}
