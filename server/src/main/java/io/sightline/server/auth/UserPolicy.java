package io.sightline.server.auth;

import io.sightline.server.core.Forbidden;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may change whom. An account (its password, API keys, lock and name) may span organisations,
 * so only the user, a platform admin, or someone who may manage users in every organisation the
 * account belongs to may read its keys or change it; otherwise an org-admin could take over a
 * member of another organisation — the platform admin included. A profile belongs to one
 * membership, so managing users in that organisation is enough to change it — but never from or to
 * a profile that allows more than the caller's own, and an account whose profile allows more than
 * the caller's is not the caller's to manage. A platform profile ({@link Profile#isPlatform()}: the
 * built-in admin or a custom profile with platform permissions) counts as admin everywhere here. A
 * read-only API key changes nothing at all.
 */
@Component
public class UserPolicy {
    private final UserRepository users;
    private final ApiKeyRepository keys;

    public UserPolicy(UserRepository users, ApiKeyRepository keys) {
        this.users = users;
        this.keys = keys;
    }

    /**
     * A platform admin for changing memberships: acting as one, or a user holding a platform profile
     * in the admin organisation through a full credential (a password, or a key neither read-only
     * nor limited to addresses), which could act there by naming it. A restricted credential never
     * gives memberships wider than itself, so it counts only in the organisation it acts in.
     */
    public boolean isPlatformAdmin(Principal actor) {
        if (actor.can(Permission.MANAGE_PLATFORM)) return true;
        if (actor.readOnlyKey()) return false;
        if (actor.apiKeyId() != null) {
            ApiKey key = keys.findById(actor.apiKeyId()).orElse(null);
            if (key == null || key.readOnly() || !key.allowedIps().asList().isEmpty()) return false;
        }
        return users.memberships(actor.userId()).stream()
                .anyMatch(m -> FirstStart.ADMIN_ORG.equals(m.orgName()) && m.profile().allows(Permission.MANAGE_PLATFORM));
    }

    /** Every change goes through here first: a read-only key may not even manage its own keys or record. */
    public void requireWrite(Principal actor) {
        if (actor.readOnlyKey()) throw new Forbidden("Operation not allowed: this API key is read-only");
    }

    /** Whether the caller may see the keys of {@code target} and, with a writing login, change its account. */
    public boolean mayManageAccount(Principal actor, User target) {
        return accountCheck(actor).test(target, users.memberships(target.id()));
    }

    /**
     * {@link #mayManageAccount} for many targets whose memberships the caller already has: the
     * caller's own memberships are read once, not once per target.
     */
    public BiPredicate<User, List<Membership>> accountCheck(Principal actor) {
        if (actor.can(Permission.MANAGE_PLATFORM)) return (target, theirs) -> true;
        if (!actor.can(Permission.MANAGE_USERS)) return (target, theirs) -> target.id() == actor.userId();
        Map<Long, Profile> mine = users.memberships(actor.userId()).stream()
                .collect(Collectors.toMap(Membership::orgId, Membership::profile));
        return (target, theirs) -> target.id() == actor.userId()
                // A platform profile anywhere makes the account a platform admin's to manage; and
                // taking over an account must not gain the caller rights they lack (a narrow custom
                // user-manager profile does not manage an analyst's account).
                || !theirs.isEmpty() && theirs.stream().noneMatch(m -> m.profile().isPlatform())
                        && theirs.stream().allMatch(m -> mine.containsKey(m.orgId()) && mine.get(m.orgId()).allows(Permission.MANAGE_USERS)
                                && m.profile().within(mine.get(m.orgId())));
    }

    public void requireAccountRead(Principal actor, User target) {
        if (!mayManageAccount(actor, target)) throw notAllOrganisations(target);
    }

    /** Password, API keys, lock state and name of {@code target}. */
    public void requireAccountChange(Principal actor, User target) {
        requireWrite(actor);
        if (!mayManageAccount(actor, target)) throw notAllOrganisations(target);
    }

    /**
     * Setting a user's profile in {@code org} ({@code current} is their profile there, or null;
     * {@code wanted} null removes them from it): the caller manages users there, only a platform
     * admin gives or takes a platform profile, and no one else gives or takes a profile wider than their own.
     */
    public void requireProfileChange(Principal actor, Organisation org, Profile current, Profile wanted) {
        requireWrite(actor);
        if (isPlatformAdmin(actor)) return;
        if (org.id() != actor.orgId() || wanted != null && wanted.isPlatform() || current != null && current.isPlatform()) {
            actor.require(Permission.MANAGE_PLATFORM);
        }
        actor.require(Permission.MANAGE_USERS);
        for (Profile p : new Profile[] {current, wanted}) {
            if (p != null && !p.within(actor.profile())) {
                throw new Forbidden("Operation not allowed: profile " + p.label() + " allows more than your profile "
                        + actor.profile().label() + " in organisation " + actor.orgName());
            }
        }
    }

    private static Forbidden notAllOrganisations(User target) {
        return new Forbidden("Operation not allowed: the account of " + target.login()
                + " may be managed only by the user, a platform admin or someone who manages users in every organisation it belongs to");
    }
}
