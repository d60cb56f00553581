package io.sightline.server.recordfiles;

import io.sightline.server.common.Ids;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FileTarget} found and checked: the organisation that owns the files and the case or
 * alert they are attached to (neither for the organisation's own files).
 */
record Holder(long orgId, Long caseId, Long alertId) {
    /** The rows {@code r} of {@code record_file} this holder owns. */
    String where() {
        if (caseId != null) return "r.org_id = ? AND r.case_id = ?";
        if (alertId != null) return "r.org_id = ? AND r.alert_id = ?";
        return "r.org_id = ? AND r.case_id IS NULL AND r.alert_id IS NULL";
    }

    List<Object> params() {
        List<Object> out = new ArrayList<>();
        out.add(orgId);
        if (caseId != null) out.add(caseId);
        if (alertId != null) out.add(alertId);
        return out;
    }

    /** How messages name it: "case ~12", "alert ~3", "the organisation". */
    String label() {
        if (caseId != null) return "case " + Ids.format(caseId);
        if (alertId != null) return "alert " + Ids.format(alertId);
        return "the organisation";
    }
}
