package io.sightline.server.alerts;

import java.io.Serializable;

/**
 * What a bulk action did to one alert: done (with the case it went to, if any) or refused with the
 * reason the single action would have given. Serializable, as it travels to the next page in the session.
 */
public record AlertOutcome(String alertId, String title, boolean done, String message, Long caseNumber)
        implements Serializable {

    static AlertOutcome done(String alertId, String title, String message, Long caseNumber) {
        return new AlertOutcome(alertId, title, true, message, caseNumber);
    }

    static AlertOutcome refused(String alertId, String title, String reason) {
        return new AlertOutcome(alertId, title, false, reason, null);
    }
}
