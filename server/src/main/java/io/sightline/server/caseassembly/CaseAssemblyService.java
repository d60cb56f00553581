package io.sightline.server.caseassembly;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.casetemplates.CaseTemplate;
import io.sightline.server.casetemplates.CaseTemplateRecord;
import io.sightline.server.casetemplates.CaseTemplateService;
import io.sightline.server.casetemplates.TemplateTask;
import io.sightline.server.common.Change;
import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.pages.PageDraft;
import io.sightline.server.pages.PageService;
import io.sightline.server.pagetemplates.PageTemplateRecord;
import io.sightline.server.pagetemplates.PageTemplateService;
import io.sightline.server.tasks.NewTask;
import io.sightline.server.tasks.TaskService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates cases with their template, tasks, pages and custom field values, and applies templates to
 * existing cases; each part is written and audited by its own service, all in one transaction, so
 * a refused part leaves nothing behind.
 */
@Service
public class CaseAssemblyService {
    static final int MAX_CASES = 1000;

    private final CaseService cases;
    private final CaseTemplateService templates;
    private final TaskService tasks;
    private final PageService pages;
    private final PageTemplateService pageTemplates;

    CaseAssemblyService(CaseService cases, CaseTemplateService templates, TaskService tasks, PageService pages,
                        PageTemplateService pageTemplates) {
        this.cases = cases;
        this.templates = templates;
        this.tasks = tasks;
        this.pages = pages;
        this.pageTemplates = pageTemplates;
    }

    @Transactional
    public CaseRecord create(Principal p, CaseAssembly a) {
        p.require(Permission.MANAGE_CASE);
        if (!a.tasks().isEmpty()) p.require(Permission.MANAGE_TASK);
        if (!a.pages().isEmpty()) p.require(Permission.MANAGE_PAGE);
        CaseTemplate template = a.caseTemplate() == null ? null : templates.get(p, a.caseTemplate());
        List<NewTask> allTasks = new ArrayList<>();
        List<PageDraft> allPages = new ArrayList<>();
        var fields = a.fields();
        if (template != null) {
            fields = TemplateDefaults.applyTo(fields, template);
            for (TemplateTask t : template.tasks()) allTasks.add(TemplateDefaults.task(t));
            allPages.addAll(linkedPages(p, template.template(), null));
        }
        allTasks.addAll(a.tasks());
        allPages.addAll(a.pages());
        CaseRecord c = cases.create(p, fields);
        String caseId = Ids.format(c.id());
        for (NewTask t : allTasks) tasks.create(p, caseId, t);
        for (PageDraft page : allPages) pages.create(p, caseId, page);
        return c;
    }

    /** Applies the chosen parts of the template to every case listed; one unknown case and nothing is written. */
    @Transactional
    public void apply(Principal p, TemplateApplication a) {
        p.require(Permission.MANAGE_CASE);
        if (a.caseIds().isEmpty()) throw new Invalid("Field ids of case template application must list at least one case");
        if (a.caseIds().size() > MAX_CASES) {
            throw new Invalid("Field ids of case template application lists " + a.caseIds().size() + " cases, at most " + MAX_CASES);
        }
        if (!a.importTasks().isEmpty()) p.require(Permission.MANAGE_TASK);
        if (!a.importPages().isEmpty()) p.require(Permission.MANAGE_PAGE);
        CaseTemplate template = templates.get(p, a.caseTemplate());
        List<NewTask> imported = new ArrayList<>();
        for (String wanted : a.importTasks()) imported.add(TemplateDefaults.task(templateTask(template, wanted)));
        List<PageDraft> importedPages = a.importPages().isEmpty() ? List.of() : linkedPages(p, template.template(), a.importPages());
        Map<Long, CaseRecord> targets = new LinkedHashMap<>();
        for (String id : a.caseIds()) {
            CaseRecord c = cases.get(p, id);
            targets.put(c.id(), c);
        }
        for (CaseRecord c : targets.values()) {
            String caseId = Ids.format(c.id());
            cases.update(p, caseId, changes(a, template, c));
            for (NewTask t : imported) tasks.create(p, caseId, t);
            for (PageDraft page : importedPages) pages.create(p, caseId, page);
        }
    }

    /** The case fields the application updates; the others are left as they are. */
    private static CaseChanges changes(TemplateApplication a, CaseTemplate template, CaseRecord c) {
        CaseTemplateRecord t = template.template();
        Change<String> title = a.titlePrefix() && t.titlePrefix() != null
                ? Change.to(TemplateDefaults.prefixed(t.titlePrefix(), c.title())) : Change.keep();
        Change<String> description = a.description() && t.description() != null ? Change.to(t.description()) : Change.keep();
        List<String> tags = a.tags() ? TemplateDefaults.tags(c.tags(), t.tags()) : null;
        Integer severity = a.severity() ? t.severity() : null;
        Tlp tlp = a.tlp() && t.tlp() != null ? Tlp.of(t.tlp()) : null;
        Pap pap = a.pap() && t.pap() != null ? Pap.of(t.pap()) : null;
        Boolean flag = a.flag() ? t.flag() : null;
        var customFields = a.customFields() ? template.customFields().stream().map(StoredValue::asInput).toList() : null;
        return new CaseChanges(title, description, severity, tlp, pap, flag, null, Change.keep(), tags, Change.keep(),
                Change.keep(), null, Change.keep(), Change.keep(), customFields);
    }

    private static TemplateTask templateTask(CaseTemplate template, String wanted) {
        for (TemplateTask t : template.tasks()) {
            if (Ids.format(t.id()).equals(wanted) || t.spec().title().equals(wanted)) return t;
        }
        throw new NotFound("Task " + wanted + " not found in case template " + template.template().name());
    }

    /**
     * The template's page templates as pages, in the template's order; {@code wanted} null takes all
     * of them. A link to a page template deleted since is skipped unless asked for by name.
     */
    private List<PageDraft> linkedPages(Principal p, CaseTemplateRecord t, List<String> wanted) {
        List<PageDraft> out = new ArrayList<>();
        if (wanted != null) {
            for (String id : wanted) {
                if (!t.pageTemplateIds().contains(id)) {
                    throw new NotFound("Page template " + id + " is not linked to case template " + t.name());
                }
                out.add(draft(pageTemplates.get(p, id)));
            }
            return out;
        }
        for (String id : t.pageTemplateIds()) {
            if (!Ids.looksLikeId(id)) continue;
            try {
                out.add(draft(pageTemplates.get(p, id)));
            } catch (NotFound gone) {
                // the link outlived its page template
            }
        }
        return out;
    }

    private static PageDraft draft(PageTemplateRecord t) {
        return new PageDraft(t.title(), t.category(), t.content(), t.order());
    }
}
