package io.sightline.server.auth;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.profiles.ProfileCatalog;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All the organisations of one user at once (TheHive's {@code user.set_organisations}). Each
 * membership added, changed or removed passes {@link UserPolicy#requireProfileChange}, so an
 * organisation's admin changes only the membership in their own organisation; changing several at
 * once is a platform admin's ({@link UserPolicy#isPlatformAdmin}: also one acting in another of
 * their organisations with a full credential); moving the default organisation is an account change.
 */
@Service
public class UserOrganisationsService {
    private final UserService userService;
    private final UserRepository users;
    private final OrganisationRepository orgs;
    private final ProfileCatalog profiles;
    private final UserPolicy policy;
    private final Authenticator authenticator;
    private final AuditLog audit;

    public UserOrganisationsService(UserService userService, UserRepository users, OrganisationRepository orgs,
                                    ProfileCatalog profiles, UserPolicy policy, Authenticator authenticator, AuditLog audit) {
        this.userService = userService;
        this.users = users;
        this.orgs = orgs;
        this.profiles = profiles;
        this.policy = policy;
        this.authenticator = authenticator;
        this.audit = audit;
    }

    /** The user's memberships, by organisation id. */
    public List<Membership> get(Principal actor, String idOrLogin) {
        return users.memberships(userService.get(actor, idOrLogin).id());
    }

    /** Makes the user's memberships exactly {@code wanted}; answers them in the order given. */
    @Transactional
    public List<Membership> set(Principal actor, String idOrLogin, List<OrganisationProfile> wanted) {
        policy.requireWrite(actor);
        actor.require(Permission.MANAGE_USERS);
        User user = userService.get(actor, idOrLogin);
        if (wanted.isEmpty()) throw new Invalid("A user belongs to at least one organisation");
        if (wanted.stream().filter(OrganisationProfile::isDefault).count() > 1) {
            throw new Invalid("At most one organisation is the default one");
        }
        Map<Organisation, Profile> target = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        for (OrganisationProfile w : wanted) {
            Organisation org = orgs.findByName(w.organisation())
                    .orElseThrow(() -> new NotFound("Organisation " + w.organisation() + " not found"));
            if (!seen.add(org.id())) throw new Invalid("Organisation " + org.name() + " is listed twice");
            target.put(org, profiles.named(w.profile()));
        }
        List<Membership> before = users.memberships(user.id());
        List<Runnable> changes = new ArrayList<>();
        target.forEach((org, profile) -> {
            Profile current = profileIn(before, org.id()).orElse(null);
            if (current == null || !current.label().equals(profile.label())) {
                changes.add(() -> {
                    policy.requireProfileChange(actor, org, current, profile);
                    users.setMembership(user.id(), org.id(), profile);
                });
            }
        });
        for (Membership m : before) {
            if (seen.contains(m.orgId())) continue;
            if (user.id() == actor.userId() && m.orgId() == actor.orgId()) {
                throw new Invalid("You cannot remove yourself from the organisation you act in");
            }
            Organisation org = orgs.findById(m.orgId()).orElseThrow();
            changes.add(() -> {
                policy.requireProfileChange(actor, org, m.profile(), null);
                users.removeMembership(user.id(), org.id());
            });
        }
        if (changes.size() > 1 && !policy.isPlatformAdmin(actor)) {
            throw new Forbidden("Operation not allowed: only a platform admin changes a user's memberships in several organisations at once");
        }
        changes.forEach(Runnable::run);

        long defaultOrg = target.keySet().stream().filter(o -> isDefault(wanted, o)).findFirst()
                .orElse(target.keySet().iterator().next()).id();
        boolean defaultMoved = before.stream().noneMatch(m -> m.isDefault() && m.orgId() == defaultOrg);
        if (defaultMoved && !before.isEmpty() && before.stream().anyMatch(Membership::isDefault)) {
            policy.requireAccountChange(actor, user);
        }
        users.setDefaultOrganisation(user.id(), defaultOrg);
        authenticator.invalidate();
        List<Membership> after = users.memberships(user.id());
        audit.record(actor, "update", "user", "~" + user.id(), Map.of("organisations", UserOrganisationsView.of(before)),
                Map.of("organisations", UserOrganisationsView.of(after)));
        List<Membership> inOrder = new ArrayList<>();
        for (Organisation org : target.keySet()) {
            after.stream().filter(m -> m.orgId() == org.id()).findFirst().ifPresent(inOrder::add);
        }
        return inOrder;
    }

    private static boolean isDefault(List<OrganisationProfile> wanted, Organisation org) {
        return wanted.stream().anyMatch(w -> w.isDefault() && w.organisation().equals(org.name()));
    }

    private static Optional<Profile> profileIn(List<Membership> memberships, long orgId) {
        return memberships.stream().filter(m -> m.orgId() == orgId).map(Membership::profile).findFirst();
    }
}
