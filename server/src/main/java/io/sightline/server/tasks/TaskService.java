package io.sightline.server.tasks;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Slice;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tasks of the caller's organisation's cases: permission, ownership, status rules, audit. */
@Service
public class TaskService {
    static final String AUDIT_TYPE = "Task";
    static final int MAX_BULK = 1000;

    private final TaskRepository tasks;
    private final CaseService cases;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    public TaskService(TaskRepository tasks, CaseService cases, UserRepository users, AuditLog audit, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TaskRecord create(Principal p, String caseIdOrNumber, NewTask n) {
        p.require(Permission.MANAGE_TASK);
        long caseId = cases.idOf(p, caseIdOrNumber);
        checkAssignee(p, n.assignee());
        long now = clock.millis();
        TaskStatus status = n.status() == null ? TaskStatus.Waiting : n.status();
        TaskRecord draft = new TaskRecord(0, p.orgId(), caseId, n.title(), n.group() == null ? "default" : n.group(),
                n.description(), status, Boolean.TRUE.equals(n.flag()), Boolean.TRUE.equals(n.mandatory()),
                n.order() == null ? 0 : n.order(), n.assignee(), n.dueDate(), n.startDate(), n.endDate(), false,
                p.login(), now, null, null);
        // created already started or done: the same dates as a task moved there from Waiting
        TaskRecord t = tasks.insert(TaskLifecycle.apply(TaskStatus.Waiting, draft, n.startDate() != null,
                n.endDate() != null, p.login(), now));
        audit.record(p, "create", AUDIT_TYPE, Ids.format(t.id()), null, TaskView.of(t));
        return t;
    }

    /** The id of a case of the caller's organisation (404 otherwise). */
    public long caseId(Principal p, String caseIdOrNumber) {
        return cases.idOf(p, caseIdOrNumber);
    }

    public TaskRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return tasks.findVisible(p, Ids.parse(id, "Task")).orElseThrow(() -> new NotFound("Task " + id + " not found"));
    }

    /** The caller's own tasks still to do (waiting or in progress) in their organisation: the first {@code limit} and the total. */
    public io.sightline.server.common.FirstRows<AssignedTask> openAssignedToMe(Principal p, int limit) {
        p.require(Permission.READ);
        return tasks.assignedTo(p, List.of(TaskStatus.Waiting.name(), TaskStatus.InProgress.name()), limit);
    }

    /** One page of the tasks of the cases the caller sees, as the list query asks; a page past the end is the last one. */
    public Slice<AssignedTask> list(Principal p, TaskListQuery q) {
        p.require(Permission.READ);
        return tasks.list(p, q);
    }

    /** The case's tasks, grouped and ordered as TheHive shows them. */
    public List<TaskRecord> ofCase(Principal p, String caseIdOrNumber) {
        return tasks.ofCase(p.orgId(), cases.idOf(p, caseIdOrNumber));
    }

    /** One page of the case's tasks, in the same order; a page past the end is the last one. */
    public Slice<TaskRecord> pageOfCase(Principal p, String caseIdOrNumber, int page, int size) {
        long caseId = cases.idOf(p, caseIdOrNumber);
        long total = tasks.countOfCase(p.orgId(), caseId);
        int current = Slice.clamp(page, total, size);
        return new Slice<>(tasks.ofCase(p.orgId(), caseId, Slice.offset(current, size), size), total, current, size);
    }

    @Transactional
    public TaskRecord update(Principal p, String id, TaskChanges c) {
        p.require(Permission.MANAGE_TASK);
        return change(p, get(p, id), c, clock.millis());
    }

    /** Applies the same changes to every task listed; one unknown task and nothing is written. */
    @Transactional
    public List<TaskRecord> update(Principal p, List<String> ids, TaskChanges c) {
        p.require(Permission.MANAGE_TASK);
        if (ids.isEmpty()) throw new Invalid("Field ids of task update must list at least one task");
        if (ids.size() > MAX_BULK) throw new Invalid("Field ids of task update lists " + ids.size() + " tasks, at most " + MAX_BULK);
        Set<Long> wanted = new LinkedHashSet<>();
        for (String id : ids) wanted.add(Ids.parse(id, "Task"));
        Map<Long, TaskRecord> found = new LinkedHashMap<>();
        for (TaskRecord t : tasks.findAllVisible(p, wanted)) found.put(t.id(), t);
        for (long id : wanted) if (!found.containsKey(id)) throw new NotFound("Task " + Ids.format(id) + " not found");
        long now = clock.millis();
        List<TaskRecord> changed = new ArrayList<>();
        for (long id : wanted) changed.add(change(p, found.get(id), c, now));
        return changed;
    }

    @Transactional
    public void delete(Principal p, String id) {
        p.require(Permission.MANAGE_TASK);
        TaskRecord t = get(p, id);
        tasks.delete(t.id());
        audit.record(p, "delete", AUDIT_TYPE, Ids.format(t.id()), TaskView.of(t), null);
    }

    /** TheHive's per-organisation "action required", here of the task's own organisation only. */
    public Map<String, Boolean> actionsRequired(Principal p, String id) {
        TaskRecord t = get(p, id);
        return Map.of(p.orgName(), t.actionRequired());
    }

    @Transactional
    public void setActionRequired(Principal p, String id, String organisation, boolean required) {
        p.require(Permission.MANAGE_TASK);
        TaskRecord before = get(p, id);
        if (!isOwn(p, organisation)) {
            throw new NotFound("Organisation " + organisation + " not found among those of task " + id
                    + " (a task is only in its case's organisation, " + p.orgName() + ")");
        }
        TaskRecord after = before.withActionRequired(required, p.login(), clock.millis());
        tasks.update(after);
        audit.record(p, "update", AUDIT_TYPE, Ids.format(after.id()), TaskView.of(before), TaskView.of(after));
    }

    /**
     * Shares of the task with other organisations: none, since a case here stays in its own
     * organisation (TheHive lists only the other organisations, so the owner is not listed).
     */
    public List<String> sharedWith(Principal p, String id) {
        get(p, id);
        return List.of();
    }

    /** Sharing with the task's own organisation changes nothing; any other organisation is refused. */
    public void share(Principal p, String id, List<String> organisations) {
        p.require(Permission.MANAGE_SHARE);
        TaskRecord t = get(p, id);
        for (String org : organisations) {
            if (!isOwn(p, org)) {
                throw new NotFound("Organisation " + org + " cannot see case " + Ids.format(t.caseId()) + " of task " + id
                        + ": cases are not shared between organisations");
            }
        }
    }

    public void unshare(Principal p, String id, List<String> organisations) {
        p.require(Permission.MANAGE_SHARE);
        get(p, id);
        // nothing can be unshared: the own organisation always keeps its task, no other has it
        if (organisations.isEmpty()) return;
        String org = organisations.get(0);
        if (isOwn(p, org)) throw new Invalid("Task " + id + " cannot be unshared from its own organisation, " + p.orgName());
        throw new NotFound("Task " + id + " is not shared with organisation " + org);
    }

    /**
     * Moves the tasks, with their logs and the logs' files, of one case of the caller's organisation to another (a case merge), as
     * one statement; each is audited as an update naming both cases.
     */
    @Transactional
    public void moveToCase(Principal p, long fromCaseId, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        java.util.List<Long> moved = tasks.moveToCase(p.orgId(), fromCaseId, toCaseId);
        audit.recordMoves(p, AUDIT_TYPE, moved, fromCaseId, toCaseId);
    }

    private static boolean isOwn(Principal p, String organisation) {
        return p.actsIn(organisation);
    }

    private TaskRecord change(Principal p, TaskRecord before, TaskChanges c, long now) {
        if (c.assignee().present()) checkAssignee(p, c.assignee().value());
        TaskRecord proposed = new TaskRecord(before.id(), before.orgId(), before.caseId(), c.title().or(before.title()),
                c.group().or(before.group()), c.description().or(before.description()), c.status().or(before.status()),
                c.flag().or(before.flag()), c.mandatory().or(before.mandatory()), c.order().or(before.order()),
                c.assignee().or(before.assignee()), c.dueDate().or(before.dueDate()), c.startDate().or(before.startDate()),
                c.endDate().or(before.endDate()), before.actionRequired(), before.createdBy(), before.createdAt(),
                p.login(), now);
        TaskRecord after = TaskLifecycle.apply(before.status(), proposed, c.startDate().present(), c.endDate().present(),
                p.login(), now);
        tasks.update(after);
        audit.record(p, "update", AUDIT_TYPE, Ids.format(after.id()), TaskView.of(before), TaskView.of(after));
        return after;
    }

    private void checkAssignee(Principal p, String assignee) {
        if (assignee != null && !users.isMember(assignee, p.orgId())) {
            throw new Invalid("Assignee " + assignee + " is not a user of organisation " + p.orgName());
        }
    }
}
