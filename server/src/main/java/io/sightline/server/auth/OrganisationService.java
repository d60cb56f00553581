package io.sightline.server.auth;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Invalid;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations: platform admins create them and see them all; others see their own. */
@Service
public class OrganisationService {
    private final OrganisationRepository orgs;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    public OrganisationService(OrganisationRepository orgs, UserRepository users, AuditLog audit, Clock clock) {
        this.orgs = orgs;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Organisation> visible(Principal p) {
        p.require(Permission.READ);
        if (p.can(Permission.MANAGE_PLATFORM)) return orgs.all();
        return users.memberships(p.userId()).stream().map(m -> orgs.findById(m.orgId()).orElseThrow()).toList();
    }

    @Transactional
    public Organisation create(Principal p, String name, String description) {
        p.require(Permission.MANAGE_PLATFORM);
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) throw new Invalid("Field name of organisation is missing");
        if (trimmed.length() > 128) throw new Invalid("Field name of organisation is longer than 128 characters");
        if (description != null && description.length() > 4096) {
            throw new Invalid("Field description of organisation is longer than 4096 characters");
        }
        if (orgs.findByName(trimmed).isPresent()) throw new Conflict("Organisation " + trimmed + " already exists");
        Organisation org = orgs.create(trimmed, description == null ? "" : description, clock.millis());
        audit.record(p, "create", "organisation", "~" + org.id(), null, OrganisationController.view(org));
        return org;
    }
}
