package io.sightline.server.connectors.cortex;

import io.sightline.server.alerts.AlertChanges;
import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertService;
import io.sightline.server.auth.Authenticator;
import io.sightline.server.auth.Membership;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.User;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Change;
import io.sightline.server.common.Ids;
import io.sightline.server.core.DomainException;
import io.sightline.server.observables.ObservableChanges;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.tasklogs.TaskLogService;
import io.sightline.server.tasks.TaskChanges;
import io.sightline.server.tasks.TaskService;
import io.sightline.server.tasks.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the operations of a responder's report that map onto the hub's own changes, through
 * the services, as the user who ran the action (their current rights and organisation apply):
 * {@code AddTagToCase} (the object's case), {@code AddTagToArtifact} (an observable),
 * {@code AddTagToAlert} and {@code MarkAlertAsRead} (an alert), {@code CloseTask} (a task).
 * Each operation comes back with {@code status} Success or Failure and a {@code message}; one
 * failing does not stop the others. Other operation types are kept, marked as not supported.
 */
@Component
class ActionOperations {
    private final CaseService cases;
    private final TaskService tasks;
    private final AlertService alerts;
    private final ObservableService observables;
    private final TaskLogService logs;
    private final UserRepository users;
    private final Authenticator authenticator;
    private final JsonMapper json;

    ActionOperations(CaseService cases, TaskService tasks, AlertService alerts, ObservableService observables,
                     TaskLogService logs, UserRepository users, Authenticator authenticator, JsonMapper json) {
        this.cases = cases;
        this.tasks = tasks;
        this.alerts = alerts;
        this.observables = observables;
        this.logs = logs;
        this.users = users;
        this.authenticator = authenticator;
        this.json = json;
    }

    /** The operations with their outcomes, as a JSON array. */
    ArrayNode apply(CortexActionRecord action, List<JsonNode> operations) {
        ArrayNode out = json.createArrayNode();
        if (operations.isEmpty()) return out;
        Optional<Principal> runner = runner(action);
        for (JsonNode operation : operations) {
            ObjectNode result = operation.isObject() ? ((ObjectNode) operation).deepCopy() : json.createObjectNode();
            try {
                if (runner.isEmpty()) throw new IllegalStateException("user " + action.createdBy()
                        + " is locked or no longer a member of the action's organisation");
                result.put("message", applyOne(runner.get(), action, operation));
                result.put("status", "Success");
            } catch (DomainException | IllegalStateException e) {
                result.put("message", e.getMessage());
                result.put("status", "Failure");
            }
            out.add(result);
        }
        return out;
    }

    private String applyOne(Principal p, CortexActionRecord action, JsonNode operation) {
        String type = operation.path("type").asString("");
        String id = Ids.format(action.objectId());
        return switch (type) {
            case "AddTagToCase" -> {
                CaseRecord c = cases.get(p, caseOf(p, action));
                cases.update(p, Ids.format(c.id()), caseTags(withTag(c.tags(), tag(operation))));
                yield "Tag added to case #" + c.number();
            }
            case "AddTagToArtifact" -> {
                ObservableRecord o = observables.get(p, objectOf(action, ActionObjectType.OBSERVABLE, type));
                observables.update(p, id, new ObservableChanges(Change.keep(), null, null, null, null, null, null,
                        withTag(o.tags(), tag(operation))));
                yield "Tag added to observable " + id;
            }
            case "AddTagToAlert" -> {
                AlertRecord a = alerts.get(p, objectOf(action, ActionObjectType.ALERT, type));
                alerts.update(p, id, alertChanges(null, withTag(a.tags(), tag(operation))));
                yield "Tag added to alert " + id;
            }
            case "MarkAlertAsRead" -> {
                alerts.update(p, objectOf(action, ActionObjectType.ALERT, type), alertChanges(true, null));
                yield "Alert " + id + " marked as read";
            }
            case "CloseTask" -> {
                tasks.update(p, objectOf(action, ActionObjectType.TASK, type), closeTask());
                yield "Task " + id + " closed";
            }
            default -> throw new IllegalStateException("Operation " + (type.isBlank() ? "without a type" : type)
                    + " is not supported by Sightline; it was not applied");
        };
    }

    /** The user who ran the action, in its organisation, with the rights they have now. */
    private Optional<Principal> runner(CortexActionRecord action) {
        Optional<User> user = users.findByLogin(action.createdBy()).filter(u -> !u.locked());
        if (user.isEmpty()) return Optional.empty();
        List<Membership> memberships = users.memberships(user.get().id());
        return memberships.stream().filter(m -> m.orgId() == action.orgId()).findFirst()
                .map(m -> authenticator.principal(user.get(), memberships, m.orgName(), null, false));
    }

    /** The case an action's object belongs to (the object itself for a case). */
    private String caseOf(Principal p, CortexActionRecord action) {
        String id = Ids.format(action.objectId());
        return switch (action.objectType()) {
            case CASE -> id;
            case TASK -> Ids.format(tasks.get(p, id).caseId());
            case LOG -> Ids.format(tasks.get(p, Ids.format(logs.get(p, id).taskId())).caseId());
            case OBSERVABLE -> {
                ObservableRecord o = observables.get(p, id);
                if (o.caseId() == null) throw new IllegalStateException("The observable belongs to an alert, not to a case");
                yield Ids.format(o.caseId());
            }
            case ALERT -> {
                AlertRecord a = alerts.get(p, id);
                if (a.caseId() == null) throw new IllegalStateException("The alert has not been imported into a case");
                yield Ids.format(a.caseId());
            }
        };
    }

    private static String objectOf(CortexActionRecord action, ActionObjectType expected, String operation) {
        if (action.objectType() != expected) {
            throw new IllegalStateException(operation + " applies to a " + expected.theHiveName + ", not to a "
                    + action.objectType().theHiveName);
        }
        return Ids.format(action.objectId());
    }

    private static String tag(JsonNode operation) {
        String tag = operation.path("tag").asString("");
        if (tag.isBlank()) throw new IllegalStateException("The operation has no tag");
        return tag;
    }

    private static List<String> withTag(List<String> tags, String tag) {
        List<String> out = new ArrayList<>(tags);
        if (!out.contains(tag)) out.add(tag);
        return out;
    }

    private static CaseChanges caseTags(List<String> tags) {
        return new CaseChanges(Change.keep(), Change.keep(), null, null, null, null, null, Change.keep(), tags,
                Change.keep(), Change.keep(), null, Change.keep(), Change.keep());
    }

    private static AlertChanges alertChanges(Boolean read, List<String> tags) {
        return new AlertChanges(Change.keep(), Change.keep(), Change.keep(), null, null, null, null, null, null, read, null,
                Change.keep(), Change.keep(), tags, null);
    }

    /** Task changes have their own {@code Change} (present or absent; tasks clear nothing with it). */
    private static TaskChanges closeTask() {
        return new TaskChanges(absent(), absent(), absent(), io.sightline.server.tasks.Change.to(TaskStatus.Completed),
                absent(), absent(), absent(), absent(), absent(), absent(), absent());
    }

    private static <T> io.sightline.server.tasks.Change<T> absent() {
        return io.sightline.server.tasks.Change.absent();
    }
}
