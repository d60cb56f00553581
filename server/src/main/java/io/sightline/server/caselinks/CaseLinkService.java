package io.sightline.server.caselinks;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and removes the links of a case. Both cases are looked up as the caller sees them, so a case
 * of another organisation, or one restricted to others, is "not found" here exactly as when it is read. Each change is audited as a
 * {@code link} or {@code unlink} entry of the case, carrying the link as {@link CaseLinkView} shows it.
 */
@Service
public class CaseLinkService {
    static final String AUDIT_ENTITY = "case";
    static final String LINKED = "link";
    static final String UNLINKED = "unlink";

    private final CaseService cases;
    private final CaseLinkRepository links;
    private final AuditLog audit;
    private final Clock clock;

    public CaseLinkService(CaseService cases, CaseLinkRepository links, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** Links the case; a link already there (same target, same type) is left as it is, without a second entry. */
    @Transactional
    public void add(Principal p, String caseRef, CaseLinkCommand command) {
        p.require(Permission.MANAGE_CASE);
        String type = CaseLinkRules.linkType(command.type());
        long caseId = cases.idOf(p, caseRef);
        CaseLink link = wanted(p, caseRef, caseId, type, command);
        if (existing(link).isPresent()) return;
        links.insert(p.orgId(), caseId, link.linkedCaseId(), link.url(), type, p.login(), clock.millis());
        record(p, LINKED, caseId, link, null, CaseLinkView.of(link));
    }

    /** Removes the link of that type to that target; a link that is not there is a 404. */
    @Transactional
    public void remove(Principal p, String caseRef, CaseLinkCommand command) {
        p.require(Permission.MANAGE_CASE);
        String type = CaseLinkRules.linkType(command.type());
        long caseId = cases.idOf(p, caseRef);
        CaseLink wanted = wanted(p, caseRef, caseId, type, command);
        CaseLink link = existing(wanted).orElseThrow(() -> new NotFound("Case " + caseRef + " has no link of type " + type
                + " to " + (wanted.toCase() ? "case #" + wanted.linkedNumber() : wanted.url())));
        links.delete(link.id());
        record(p, UNLINKED, caseId, link, CaseLinkView.of(link), null);
    }

    /** A link to a case is an entry of both: only who sees the linked case too reads it. */
    private void record(Principal p, String action, long caseId, CaseLink link, Object before, Object after) {
        if (link.toCase()) audit.recordNaming(p, action, AUDIT_ENTITY, Ids.format(caseId), link.linkedCaseId(), before, after);
        else audit.record(p, action, AUDIT_ENTITY, Ids.format(caseId), before, after);
    }

    /**
     * A case merge: the links of the originals, and the links other cases hold to them, now name the
     * merged case (never itself, never twice); each moved link is audited as a {@code link} entry of
     * the case holding it.
     */
    @Transactional
    public void moveToCase(Principal p, List<Long> fromCaseIds, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        for (CaseLink link : links.moveToCase(p.orgId(), fromCaseIds, toCaseId)) {
            record(p, LINKED, link.caseId(), link, null, CaseLinkView.of(link));
        }
    }

    /** The links of a case the caller sees, oldest first, but those to cases hidden from the caller. */
    public List<CaseLink> ofCase(Principal p, String caseRef) {
        return links.ofCase(p, cases.idOf(p, caseRef));
    }

    /** The link types the organisation's links use now (TheHive offers them when linking). */
    public List<String> types(Principal p) {
        p.require(Permission.READ);
        return links.typesOf(p.orgId());
    }

    /** The link the command names, its target checked: a case of the organisation other than this one, or a valid URL. */
    private CaseLink wanted(Principal p, String caseRef, long caseId, String type, CaseLinkCommand command) {
        if (command instanceof CaseLinkCommand.ToCase c) {
            CaseRecord target = cases.get(p, c.caseId());
            if (target.id() == caseId) throw new Invalid("Case " + caseRef + " cannot be linked to itself");
            return new CaseLink(0, caseId, type, target.id(), target.number(), target.title(), null);
        }
        return new CaseLink(0, caseId, type, null, null, null, CaseLinkRules.url(((CaseLinkCommand.ToUrl) command).url()));
    }

    private Optional<CaseLink> existing(CaseLink link) {
        return link.toCase() ? links.findToCase(link.caseId(), link.linkedCaseId(), link.linkType())
                : links.findToUrl(link.caseId(), link.url(), link.linkType());
    }
}
