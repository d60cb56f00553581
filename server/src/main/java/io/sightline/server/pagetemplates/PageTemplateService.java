package io.sightline.server.pagetemplates;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.core.NotFound;
import io.sightline.server.pages.PageChange;
import io.sightline.server.pages.PageDraft;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Page templates of the caller's organisation: everyone in it reads them, managePageTemplate changes them. */
@Service
public class PageTemplateService {
    private final PageTemplateRepository templates;
    private final AuditLog audit;
    private final Clock clock;

    public PageTemplateService(PageTemplateRepository templates, AuditLog audit, Clock clock) {
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PageTemplateRecord create(Principal p, PageDraft draft) {
        p.require(Permission.MANAGE_PAGE_TEMPLATE);
        PageTemplateRecord t = new PageTemplateRecord(0, p.orgId(), draft.title(), draft.category(), draft.content(),
                draft.order(), p.login(), clock.millis(), null, null);
        PageTemplateRecord created = t.withId(templates.insert(t));
        audit.record(p, "create", "pageTemplate", Ids.format(created.id()), null, PageTemplateView.of(created));
        return created;
    }

    public PageTemplateRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return templates.findById(p.orgId(), Ids.parse(id, "Page template"))
                .orElseThrow(() -> new NotFound("Page template " + id + " not found"));
    }

    public List<PageTemplateRecord> list(Principal p) {
        p.require(Permission.READ);
        return templates.ofOrganisation(p.orgId());
    }

    @Transactional
    public PageTemplateRecord update(Principal p, String id, PageChange change) {
        p.require(Permission.MANAGE_PAGE_TEMPLATE);
        PageTemplateRecord before = get(p, id);
        PageTemplateRecord after = before.changed(change, p.login(), clock.millis());
        templates.update(after);
        audit.record(p, "update", "pageTemplate", Ids.format(after.id()), PageTemplateView.of(before), PageTemplateView.of(after));
        return after;
    }

    @Transactional
    public void delete(Principal p, String id) {
        p.require(Permission.MANAGE_PAGE_TEMPLATE);
        PageTemplateRecord t = get(p, id);
        templates.delete(t.id());
        audit.record(p, "delete", "pageTemplate", Ids.format(t.id()), PageTemplateView.of(t), null);
    }
}
