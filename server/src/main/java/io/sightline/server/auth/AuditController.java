package io.sightline.server.auth;

import io.sightline.server.audit.AuditLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail over REST: platform admins see every organisation, org admins their own. It lives
 * here rather than in {@code audit} because the scope is a permission decision; audit stays below auth.
 */
@RestController
public class AuditController {
    private final AuditLog audit;
    private final JsonMapper json;

    public AuditController(AuditLog audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/api/v1/audit")
    public List<Map<String, Object>> search(@RequestParam(required = false) String entity,
                                            @RequestParam(required = false) String entityId,
                                            @RequestParam(required = false) Long from,
                                            @RequestParam(required = false) Long to,
                                            @RequestParam(defaultValue = "100") int limit) {
        Principal p = CurrentPrincipal.require(Permission.READ_AUDIT);
        Long org = p.can(Permission.MANAGE_PLATFORM) ? null : p.orgId();
        return audit.search(org, p.userId(), entity, entityId, from, to, Math.max(1, Math.min(limit, 1000))).stream()
                .map(this::view).toList();
    }

    private Map<String, Object> view(AuditLog.Entry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", "~" + e.id());
        out.put("_type", "Audit");
        out.put("actor", e.actor());
        out.put("action", e.action());
        out.put("objectType", e.entity());
        out.put("objectId", e.entityId());
        out.put("before", e.before() == null ? null : json.readTree(e.before()));
        out.put("after", e.after() == null ? null : json.readTree(e.after()));
        out.put("date", e.at());
        return out;
    }
}
