package io.sightline.server.cases;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Organisation;
import io.sightline.server.auth.OrganisationRepository;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.User;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.auth.profiles.ProfileService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees a case (TheHive 5's case access and owner organisation). A case belongs to one
 * organisation and is shared with no other, so its owner can only stay what it is; within the
 * organisation a case can be restricted to named members ({@link CaseVisibility} enforces it).
 */
@Service
public class CaseAccessService {
    static final int MAX_USERS = 100;

    private final CaseService cases;
    private final CaseRepository repository;
    private final UserRepository users;
    private final OrganisationRepository orgs;
    private final AuditLog audit;
    private final ProfileService profiles;
    private final Clock clock;

    public CaseAccessService(CaseService cases, CaseRepository repository, UserRepository users, OrganisationRepository orgs,
                             AuditLog audit, ProfileService profiles, Clock clock) {
        this.cases = cases;
        this.repository = repository;
        this.users = users;
        this.orgs = orgs;
        this.audit = audit;
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * Makes the case seen by its whole organisation, or only by the members named. The list must
     * name the caller and the case's assignee (TheHive's rule), so no one restricts a case away
     * from themselves or from the analyst working on it; every name must be a member of the case's
     * organisation (a TheHive login in its default domain, {@code admin@thehive.local}, finds {@code admin}).
     */
    @Transactional
    public CaseRecord setAccess(Principal p, String idOrNumber, CaseAccess wanted) {
        p.require(Permission.MANAGE_CASE);
        CaseRecord c = cases.get(p, idOrNumber);
        Map<Long, String> named = new LinkedHashMap<>();
        if (wanted.restricted()) {
            for (String login : wanted.users()) {
                User u = users.findMember(login, c.orgId()).orElseThrow(() ->
                        new NotFound("User " + login + " not found in organisation " + p.orgName()));
                named.put(u.id(), u.login());
            }
            if (!named.containsKey(p.userId())) {
                throw new Invalid("The users of a restricted case must include you (" + p.login() + "), or you would lose the case");
            }
            if (c.assignee() != null && !named.containsValue(c.assignee())) {
                throw new Invalid("The users of a restricted case must include its assignee, " + c.assignee());
            }
        }
        repository.setAccess(c.id(), List.copyOf(named.keySet()), p.login(), clock.millis());
        CaseRecord after = cases.get(p, Ids.format(c.id()));
        audit.record(p, "update", "case", Ids.format(c.id()), Map.of("access", c.access().view()), Map.of("access", after.access().view()));
        return after;
    }

    /**
     * TheHive's change of owner organisation. The new owner must already see the case (TheHive
     * moves a case only to an organisation it is shared with); cases are shared with no other
     * organisation here, so the owning organisation stays the only possible owner, and naming it
     * changes nothing. An unknown organisation is a 404.
     */
    public void changeOwner(Principal p, String idOrNumber, String organisation) {
        p.require(Permission.MANAGE_CASE);
        p.require(Permission.MANAGE_SHARE);
        CaseRecord c = cases.get(p, idOrNumber);
        Organisation target = organisation(organisation);
        if (target.id() == c.orgId()) return;
        throw new Forbidden("Operation not allowed: organisation " + target.name() + " cannot see case #" + c.number()
                + "; a case's owner can only become an organisation the case is shared with, and cases of "
                + p.orgName() + " are shared with no other organisation");
    }

    /**
     * The organisations other than the owner that see the case: none, since cases are not shared.
     * TheHive answers the same empty list for an id that names no case the caller sees, so the
     * answer tells nothing about a case hidden from the caller.
     */
    public List<String> sharedWith(Principal p) {
        p.require(Permission.READ);
        return List.of();
    }

    /**
     * TheHive's share of a case, and its set of shares ({@code POST} and {@code PUT}): every
     * organisation and profile named must exist, and every organisation must be the case's own,
     * which holds the case already; another organisation is refused, since cases are shared with
     * no other organisation here. All are checked before the answer; nothing is written. Setting
     * no share at all is allowed and changes nothing, as there is none to remove.
     */
    public List<String> share(Principal p, String idOrNumber, List<CaseShareRequest> shares) {
        p.require(Permission.MANAGE_SHARE);
        CaseRecord c = cases.get(p, idOrNumber);
        for (CaseShareRequest share : shares) {
            Organisation target = organisation(share.organisation());
            profiles.get(p, share.profileOrDefault());
            if (target.id() != c.orgId()) throw notShareable(p, c, target);
        }
        return sharedWith(p);
    }

    /** TheHive's unshare: the owner cannot lose its case, and no other organisation has it. */
    public void unshare(Principal p, String idOrNumber, List<String> organisations) {
        p.require(Permission.MANAGE_SHARE);
        CaseRecord c = cases.get(p, idOrNumber);
        List<Organisation> targets = organisations.stream().map(this::organisation).toList();
        for (Organisation target : targets) {
            if (target.id() == c.orgId()) {
                throw new Invalid("Case #" + c.number() + " cannot be unshared from its owner, " + target.name());
            }
        }
        if (!targets.isEmpty()) throw new NotFound("Case #" + c.number() + " is not shared with organisation " + targets.get(0).name());
    }

    /** TheHive's removal (or change) of one share by its id: there is none to find. */
    public void removeShare(Principal p, String shareId) {
        p.require(Permission.MANAGE_SHARE);
        throw new NotFound("Share " + shareId + " not found: cases of " + p.orgName() + " are shared with no other organisation");
    }

    private static Forbidden notShareable(Principal p, CaseRecord c, Organisation target) {
        return new Forbidden("Case #" + c.number() + " cannot be shared with organisation " + target.name()
                + ": cases of " + p.orgName() + " are shared with no other organisation");
    }

    private Organisation organisation(String nameOrId) {
        var found = Ids.looksLikeId(nameOrId) ? orgs.findById(Ids.parse(nameOrId, "Organisation")) : orgs.findByName(nameOrId);
        return found.orElseThrow(() -> new NotFound("Organisation " + nameOrId + " not found"));
    }
}
