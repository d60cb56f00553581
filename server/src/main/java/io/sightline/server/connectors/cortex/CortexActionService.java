package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexAnalyzer;
import io.sightline.integrations.cortex.CortexException;
import io.sightline.integrations.cortex.CortexJob;
import io.sightline.integrations.cortex.ResponderRequest;
import io.sightline.server.audit.AuditBatch;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Responders for API callers: which ones may act on an object, running one (TheHive's "action"),
 * and the actions of an object. A run is sent to Cortex at once, as TheHive does; the action is
 * stored either way (Cortex's refusal or absence ends it in Failure with the reason) and, once
 * accepted, polled by the server's poller until its report and operations come back
 * ({@link CortexActionOutcomes}).
 */
@Service
public class CortexActionService {
    private final CortexServers servers;
    private final CortexAnalyzers workers;
    private final CortexActionRepository actions;
    private final ActionObjects objects;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    CortexActionService(CortexServers servers, CortexAnalyzers workers, CortexActionRepository actions, ActionObjects objects,
                        AuditLog audit, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.servers = servers;
        this.workers = workers;
        this.actions = actions;
        this.objects = objects;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Responders of every usable server that accept the object's type; the object must be the caller's to see. */
    public List<OfferedAnalyzer> respondersFor(Principal p, String objectType, String objectId) {
        ActionObjectType type = ActionObjectType.parse(objectType);
        objects.find(p, type, objectId);
        return workers.respondersFor(p, type.cortexDataType());
    }

    /** Runs the responder on the object and stores the action: running in Cortex, or failed with the reason. */
    public CortexActionRecord run(Principal p, NewCortexAction request) {
        p.require(Permission.MANAGE_ANALYZE);
        ActionObjects.Found object = objects.find(p, request.objectType(), request.objectId());
        if (request.tlp() != null && (request.tlp() < 0 || request.tlp() > 3)) {
            throw new Invalid("Field tlp of action must be between 0 and 3");
        }
        String parameters = parameters(p, request);
        Target target = target(p, request);
        long now = clock.millis();
        CortexJob sent = null;
        String refusal = null;
        try {
            int tlp = request.tlp() != null ? request.tlp() : Math.min(3, Math.max(0, object.tlp()));
            ResponderRequest body = new ResponderRequest(request.objectType().cortexDataType(), json.valueToTree(object.json()),
                    tlp, Math.min(3, Math.max(0, object.pap())), "",
                    json.readValue(parameters, new TypeReference<Map<String, Object>>() { }));
            sent = servers.client(target.server()).runResponder(target.responder().id(), body);
        } catch (CortexException e) {
            refusal = "Cortex " + target.server() + " refused the action: " + e.cortexMessage().orElse(e.getMessage());
        }
        CortexJob accepted = sent;
        String reason = refusal;
        Long id = transactions.execute(tx -> {
            long created = reason == null
                    ? actions.insertRunning(p.orgId(), object.type(), object.id(), target.server(), target.responder().id(),
                            target.responder().name(), accepted.id(), CortexPoller.theHiveStatus(accepted.status()),
                            accepted.startDate(), parameters, p.login(), now)
                    : actions.insertFailed(p.orgId(), object.type(), object.id(), target.server(), target.responder().id(),
                            target.responder().name(), parameters, CortexActionOutcomes.failureReport(json, reason), reason,
                            p.login(), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("responderName", target.responder().name());
            details.put("cortexId", target.server());
            details.put("objectType", object.type().theHiveName);
            details.put("objectId", Ids.format(object.id()));
            audit.record(p, "create", "action", Ids.format(created), null, details);
            return created;
        });
        return actions.find(id).orElseThrow();
    }

    public CortexActionRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return actions.findVisible(p, Ids.parse(id, "Action")).orElseThrow(() -> new NotFound("Action " + id + " not found"));
    }

    /** The actions run on an object, newest first; the object must be the caller's to see. */
    public List<CortexActionRecord> ofObject(Principal p, String objectType, String objectId) {
        ActionObjects.Found object = objects.find(p, ActionObjectType.parse(objectType), objectId);
        return actions.ofObject(p.orgId(), object.type(), object.id());
    }

    /**
     * Re-points the actions run on observables of a case that others of it absorbed (a case merge;
     * absorbed observable id to the absorbing one's), so that they show on the observable kept;
     * each audited as an update of the object it acted on.
     */
    @Transactional
    public void moveToObservables(Principal p, Map<Long, Long> keptByAbsorbed, long caseId) {
        moveToObjects(p, ActionObjectType.OBSERVABLE, keptByAbsorbed, caseId);
    }

    /** Re-points the actions run on the original cases of a merge to the merged case, audited as {@link #moveToObservables} does. */
    @Transactional
    public void moveToCase(Principal p, List<Long> originalIds, long mergedId) {
        Map<Long, Long> toMerged = new java.util.LinkedHashMap<>();
        originalIds.forEach(id -> toMerged.put(id, mergedId));
        moveToObjects(p, ActionObjectType.CASE, toMerged, mergedId);
    }

    private void moveToObjects(Principal p, ActionObjectType type, Map<Long, Long> toByFrom, long caseId) {
        p.require(Permission.MANAGE_CASE);
        AuditBatch entries = audit.batch(p.orgId(), caseId, p.login(), "update", "action", clock.millis());
        actions.moveToObjects(p.orgId(), type, toByFrom).forEach((action, from) -> entries.add(Ids.format(action),
                Map.of("objectId", Ids.format(from)), Map.of("objectId", Ids.format(toByFrom.get(from)))));
        audit.write(entries);
    }

    /** The server and its responder (found by id or name among those accepting the object's type). */
    private record Target(String server, CortexAnalyzer responder) {}

    private Target target(Principal p, NewCortexAction request) {
        List<CortexSettings.Server> candidates = request.cortexName() == null ? servers.usableBy(p.orgName())
                : List.of(servers.server(request.cortexName(), p.orgName()));
        for (CortexSettings.Server s : candidates) {
            Optional<CortexAnalyzer> found = workers.responderOn(s.name(), request.objectType().cortexDataType(),
                    request.responderId());
            if (found.isPresent()) return new Target(s.name(), found.get());
        }
        throw new NotFound("Responder " + request.responderId() + " not found for " + request.objectType().theHiveName
                + (request.cortexName() == null ? " in any Cortex server" : " in Cortex " + request.cortexName()));
    }

    private String parameters(Principal p, NewCortexAction request) {
        ObjectNode params = request.parameters() == null ? json.createObjectNode()
                : (ObjectNode) json.readTree(request.parameters());
        params.put("organisation", p.orgName());
        params.put("user", p.login());
        String text = json.writeValueAsString(params);
        if (text.length() > 100_000) throw new Invalid("Field parameters of action is larger than 100,000 characters");
        return text;
    }
}
