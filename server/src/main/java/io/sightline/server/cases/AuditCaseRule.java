package io.sightline.server.cases;

import io.sightline.server.audit.CaseRule;
import org.springframework.stereotype.Component;

/** {@link CaseVisibility} for the audit trail, which sits below this package. */
@Component
class AuditCaseRule implements CaseRule {
    @Override
    public String notHidden(String caseId) {
        return CaseVisibility.notHidden(caseId);
    }
}
