package io.sightline.server.casetemplates;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.common.Ids;
import io.sightline.server.common.TagRepository;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.customfields.CheckedValue;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.customfields.ValueOwner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Case templates of the caller's organisation: read by its members, changed with manage_case_template. */
@Service
public class CaseTemplateService {
    static final List<String> TASK_STATUSES = List.of("Waiting", "InProgress", "Completed", "Cancel");

    private final CaseTemplateRepository templates;
    private final CustomFieldValues customFields;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    CaseTemplateService(CaseTemplateRepository templates, CustomFieldValues customFields, UserRepository users,
                        AuditLog audit, Clock clock) {
        this.templates = templates;
        this.customFields = customFields;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CaseTemplate create(Principal p, CaseTemplateDraft d) {
        p.require(Permission.MANAGE_CASE_TEMPLATE);
        long now = clock.millis();
        CaseTemplateRecord t = checked(new CaseTemplateRecord(0, p.orgId(), d.name(),
                d.displayName() == null ? d.name() : d.displayName(), blankToNull(d.titlePrefix()),
                blankToNull(d.description()), d.severity(), d.tlp(), d.pap(), d.flag(), blankToNull(d.summary()),
                TagRepository.clean(d.tags()), List.copyOf(d.pageTemplateIds()), p.login(), now, null, null));
        List<TaskSpec> tasks = checkedTasks(p, d.tasks());
        List<CheckedValue> values = customFields.check(d.customFields());
        requireFreeName(p, t.name());
        long id = templates.insert(t);
        templates.replaceTasks(id, p.orgId(), tasks, p.login(), now);
        customFields.replace(new ValueOwner(ValueOwner.Kind.CASE_TEMPLATE, id, p.orgId()), values);
        CaseTemplate created = load(templates.findById(p.orgId(), id).orElseThrow());
        audit.record(p, "create", "caseTemplate", Ids.format(id), null, CaseTemplateView.of(created));
        return created;
    }

    /** A template of the caller's organisation by "~id" or by name; another organisation's is not found. */
    public CaseTemplate get(Principal p, String idOrName) {
        p.require(Permission.READ);
        return load(find(p, idOrName));
    }

    /** Every template of the caller's organisation, by name. */
    public List<CaseTemplate> list(Principal p) {
        p.require(Permission.READ);
        return withDetails(templates.all(p.orgId()));
    }

    /** Templates by id with their tasks and values, in the order of ids, for the query engine (which has scoped the ids). */
    List<CaseTemplate> byIds(List<Long> ids) {
        Map<Long, CaseTemplate> byId = new java.util.HashMap<>();
        for (CaseTemplate t : withDetails(templates.byIds(ids))) byId.put(t.template().id(), t);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Tasks and values of many templates in one query each. */
    private List<CaseTemplate> withDetails(List<CaseTemplateRecord> all) {
        List<Long> ids = all.stream().map(CaseTemplateRecord::id).toList();
        Map<Long, List<TemplateTask>> tasks = templates.tasksOf(ids);
        Map<Long, List<StoredValue>> values = customFields.of(ValueOwner.Kind.CASE_TEMPLATE, ids);
        return all.stream().map(t -> new CaseTemplate(t, tasks.getOrDefault(t.id(), List.of()),
                values.getOrDefault(t.id(), List.of()))).toList();
    }

    @Transactional
    public CaseTemplate update(Principal p, String idOrName, CaseTemplateChanges c) {
        p.require(Permission.MANAGE_CASE_TEMPLATE);
        CaseTemplate before = load(find(p, idOrName));
        CaseTemplateRecord b = before.template();
        long now = clock.millis();
        CaseTemplateRecord t = checked(new CaseTemplateRecord(b.id(), b.orgId(), c.name().orElse(b.name()),
                c.displayName().orElse(b.displayName()), text(c.titlePrefix(), b.titlePrefix()),
                text(c.description(), b.description()), c.severity().orElse(b.severity()),
                c.tlp().orElse(b.tlp()), c.pap().orElse(b.pap()), c.flag().orElse(b.flag()),
                text(c.summary(), b.summary()),
                c.tags().map(TagRepository::clean).orElse(b.tags()), b.pageTemplateIds(), b.createdBy(), b.createdAt(),
                p.login(), now));
        List<TaskSpec> tasks = c.tasks().isPresent() ? checkedTasks(p, c.tasks().get()) : null;
        List<CheckedValue> values = c.customFields().map(customFields::check).orElse(null);
        if (!t.name().equals(b.name())) requireFreeName(p, t.name());
        templates.update(t);
        if (tasks != null) templates.replaceTasks(t.id(), p.orgId(), tasks, p.login(), now);
        if (values != null) customFields.replace(new ValueOwner(ValueOwner.Kind.CASE_TEMPLATE, t.id(), p.orgId()), values);
        CaseTemplate after = load(templates.findById(p.orgId(), t.id()).orElseThrow());
        audit.record(p, "update", "caseTemplate", Ids.format(t.id()), CaseTemplateView.of(before), CaseTemplateView.of(after));
        return after;
    }

    /** Replaces the page templates linked to the template, kept as the client gave them. */
    @Transactional
    public CaseTemplate linkPageTemplates(Principal p, String idOrName, List<String> pageTemplateIds) {
        p.require(Permission.MANAGE_CASE_TEMPLATE);
        CaseTemplate before = load(find(p, idOrName));
        CaseTemplateRecord b = before.template();
        CaseTemplateRecord t = new CaseTemplateRecord(b.id(), b.orgId(), b.name(), b.displayName(), b.titlePrefix(),
                b.description(), b.severity(), b.tlp(), b.pap(), b.flag(), b.summary(), b.tags(),
                List.copyOf(pageTemplateIds), b.createdBy(), b.createdAt(), p.login(), clock.millis());
        templates.update(t);
        CaseTemplate after = new CaseTemplate(t, before.tasks(), before.customFields());
        audit.record(p, "update", "caseTemplate", Ids.format(t.id()), CaseTemplateView.of(before), CaseTemplateView.of(after));
        return after;
    }

    @Transactional
    public void delete(Principal p, String idOrName) {
        p.require(Permission.MANAGE_CASE_TEMPLATE);
        CaseTemplate t = load(find(p, idOrName));
        templates.delete(t.template().id());
        audit.record(p, "delete", "caseTemplate", Ids.format(t.template().id()), CaseTemplateView.of(t), null);
    }

    private CaseTemplateRecord find(Principal p, String idOrName) {
        var found = Ids.looksLikeId(idOrName)
                ? templates.findById(p.orgId(), Ids.parse(idOrName, "CaseTemplate"))
                : templates.findByName(p.orgId(), idOrName);
        return found.orElseThrow(() -> new NotFound("CaseTemplate " + idOrName + " not found"));
    }

    private CaseTemplate load(CaseTemplateRecord t) {
        return new CaseTemplate(t, templates.tasksOf(List.of(t.id())).getOrDefault(t.id(), List.of()),
                customFields.of(ValueOwner.Kind.CASE_TEMPLATE, t.id()));
    }

    private void requireFreeName(Principal p, String name) {
        if (templates.findByName(p.orgId(), name).isPresent()) {
            throw new Conflict("CaseTemplate " + name + " already exists in organisation " + p.orgName());
        }
    }

    /** Checks what the request's field reading cannot: ranges of the case fields. */
    private static CaseTemplateRecord checked(CaseTemplateRecord t) {
        if (t.severity() != null && (t.severity() < 1 || t.severity() > 4)) {
            throw new Invalid("Field severity of case template must be 1 (low) to 4 (critical), not " + t.severity());
        }
        if (Ids.looksLikeId(t.name())) throw new Invalid("The name of a case template must not start with ~ (it would read as an id)");
        return t;
    }

    private List<TaskSpec> checkedTasks(Principal p, List<TaskSpec> tasks) {
        List<TaskSpec> out = new ArrayList<>(tasks.size());
        for (TaskSpec s : tasks) {
            String status = s.status() == null ? "Waiting" : TASK_STATUSES.stream().filter(v -> v.equalsIgnoreCase(s.status()))
                    .findFirst().orElseThrow(() -> new Invalid("Unknown status '" + s.status() + "' of task " + s.title()
                            + " of case template; use one of " + String.join(", ", TASK_STATUSES)));
            if (s.assignee() != null && !users.isMember(s.assignee(), p.orgId())) {
                throw new Invalid("Assignee " + s.assignee() + " of task " + s.title() + " is not a user of organisation " + p.orgName());
            }
            out.add(new TaskSpec(s.title(), s.group() == null ? "default" : s.group(), blankToNull(s.description()), status,
                    s.flag(), s.order(), s.dueDate(), s.assignee(), s.mandatory()));
        }
        return out;
    }

    /** A changed optional text (blank clears it), or the kept one. */
    private static String text(java.util.Optional<String> changed, String kept) {
        return changed.isPresent() ? blankToNull(changed.get()) : kept;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
