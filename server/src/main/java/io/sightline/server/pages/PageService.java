package io.sightline.server.pages;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pages of the caller's organisation's cases; a page is reached only through its own case. */
@Service
public class PageService {
    private final PageRepository pages;
    private final CaseService cases;
    private final AuditLog audit;
    private final Clock clock;

    public PageService(PageRepository pages, CaseService cases, AuditLog audit, Clock clock) {
        this.pages = pages;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PageRecord create(Principal p, String caseIdOrNumber, PageDraft draft) {
        p.require(Permission.MANAGE_PAGE);
        long caseId = cases.idOf(p, caseIdOrNumber);
        PageRecord page = new PageRecord(0, p.orgId(), caseId, draft.title(), draft.category(), draft.content(),
                draft.order(), p.login(), clock.millis(), null, null);
        PageRecord created = page.withId(pages.insert(page));
        audit.record(p, "create", "page", Ids.format(created.id()), null, PageView.of(created));
        return created;
    }

    public List<PageRecord> ofCase(Principal p, String caseIdOrNumber) {
        return pages.ofCase(cases.idOf(p, caseIdOrNumber));
    }

    public PageRecord get(Principal p, String caseIdOrNumber, String pageId) {
        long caseId = cases.idOf(p, caseIdOrNumber);
        return pages.find(p.orgId(), caseId, Ids.parse(pageId, "Page"))
                .orElseThrow(() -> new NotFound("Page " + pageId + " not found in case " + caseIdOrNumber));
    }

    @Transactional
    public PageRecord update(Principal p, String caseIdOrNumber, String pageId, PageChange change) {
        p.require(Permission.MANAGE_PAGE);
        PageRecord before = get(p, caseIdOrNumber, pageId);
        PageRecord after = before.changed(change, p.login(), clock.millis());
        pages.update(after);
        audit.record(p, "update", "page", Ids.format(after.id()), PageView.of(before), PageView.of(after));
        return after;
    }

    @Transactional
    public void delete(Principal p, String caseIdOrNumber, String pageId) {
        p.require(Permission.MANAGE_PAGE);
        PageRecord page = get(p, caseIdOrNumber, pageId);
        pages.delete(page.id());
        audit.record(p, "delete", "page", Ids.format(page.id()), PageView.of(page), null);
    }

    /**
     * Moves the pages of one case of the caller's organisation to another (a case merge), as
     * one statement; each is audited as an update naming both cases.
     */
    @Transactional
    public void moveToCase(Principal p, long fromCaseId, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        java.util.List<Long> moved = pages.moveToCase(p.orgId(), fromCaseId, toCaseId);
        audit.recordMoves(p, "page", moved, fromCaseId, toCaseId);
    }
}
