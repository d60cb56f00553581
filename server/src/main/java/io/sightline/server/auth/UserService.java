package io.sightline.server.auth;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.profiles.ProfileCatalog;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Text;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their profile per organisation; who may change what is {@link UserPolicy}'s rule. */
@Service
public class UserService {
    private final UserRepository users;
    private final OrganisationRepository orgs;
    private final PasswordEncoder passwords;
    private final PasswordRules passwordRules;
    private final UserPolicy policy;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final Clock clock;
    private final ProfileCatalog profiles;
    private final ApiKeyRepository keys;

    public UserService(UserRepository users, OrganisationRepository orgs, PasswordEncoder passwords,
                       PasswordRules passwordRules, UserPolicy policy, Authenticator authenticator, AuditLog audit, Clock clock,
                       ProfileCatalog profiles, ApiKeyRepository keys) {
        this.profiles = profiles;
        this.keys = keys;
        this.users = users;
        this.orgs = orgs;
        this.passwords = passwords;
        this.passwordRules = passwordRules;
        this.policy = policy;
        this.authenticator = authenticator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public User create(Principal actor, NewUser n) {
        actor.require(Permission.MANAGE_USERS);
        String login = Text.required("login", "user", n.login(), 256).trim();
        if (login.chars().anyMatch(Character::isWhitespace)) throw new Invalid("A login must not contain spaces");
        Organisation org = organisation(n.organisation() != null ? Text.storable("organisation", "user", n.organisation(), 128)
                : actor.orgName());
        Profile profile = profiles.named(Text.required("profile", "user", n.profile(), 64));
        Optional<User> existing = users.findByLogin(login);
        if (existing.isPresent()) return alreadyThere(actor, existing.get(), org, profile);
        policy.requireProfileChange(actor, org, null, profile);
        String password = Text.storable("password", "user", n.password(), 1024);
        String hash = password != null ? hashPassword(login, password) : null;
        String name = Text.storable("name", "user", n.name(), 256);
        User user = users.create(login, name != null ? name : login, hash, clock.millis(), email(n.email()));
        users.setMembership(user.id(), org.id(), profile);
        audit.record(actor, "create", "user", "~" + user.id(), null, UserView.of(user, users.memberships(user.id()), null, false));
        return user;
    }

    /**
     * TheHive answers a repeated creation with the user: so does the hub when the user is already
     * a member of that organisation with that profile and the caller may see them there. Nothing
     * is written; any other difference (another organisation, another profile) stays a conflict,
     * so a creation never becomes a way to change a membership.
     */
    private User alreadyThere(Principal actor, User user, Organisation org, Profile profile) {
        boolean same = users.memberships(user.id()).stream()
                .anyMatch(m -> m.orgId() == org.id() && m.profile().label().equals(profile.label()));
        boolean visible = actor.can(Permission.MANAGE_PLATFORM) || org.id() == actor.orgId();
        if (!same || !visible) throw new Conflict("User " + user.login() + " already exists");
        return user;
    }

    /** A user visible to the caller: platform admins see everyone, others the members of their organisation. */
    public User get(Principal actor, String idOrLogin) {
        actor.require(Permission.READ);
        User user = (idOrLogin.startsWith("~") ? parseId(idOrLogin).flatMap(users::findById) : users.findByLogin(idOrLogin))
                .orElseThrow(() -> new NotFound("User " + idOrLogin + " not found"));
        if (!actor.can(Permission.MANAGE_PLATFORM) && user.id() != actor.userId() && !users.isMember(user.login(), actor.orgId())) {
            throw new NotFound("User " + idOrLogin + " not found");
        }
        return user;
    }

    /** A user whose API keys the caller may see: see {@link UserPolicy#requireAccountRead}. */
    public User forAccountRead(Principal actor, String idOrLogin) {
        User user = get(actor, idOrLogin);
        policy.requireAccountRead(actor, user);
        return user;
    }

    /** A user whose password, keys, lock or name the caller may change: see {@link UserPolicy#requireAccountChange}. */
    public User forAccountChange(Principal actor, String idOrLogin) {
        User user = get(actor, idOrLogin);
        policy.requireAccountChange(actor, user);
        return user;
    }

    /** Whether the caller may manage each account (for showing or hiding actions), given its memberships. */
    public java.util.function.BiPredicate<User, List<Membership>> accountCheck(Principal actor) {
        return policy.accountCheck(actor);
    }

    public List<User> list(Principal actor) {
        actor.require(Permission.READ);
        return users.inOrganisation(actor.orgId());
    }

    public List<Membership> memberships(User user) {
        return users.memberships(user.id());
    }

    /** Name and lock belong to the whole account; a profile to the membership in one organisation. */
    @Transactional
    public User update(Principal actor, String idOrLogin, UserChanges changes) {
        User before = get(actor, idOrLogin);
        policy.requireWrite(actor);
        if (before.id() != actor.userId()) actor.require(Permission.MANAGE_USERS);
        List<Membership> membershipsBefore = users.memberships(before.id());
        String name = changes.name() != null ? Text.storable("name", "user", changes.name(), 256) : before.name();
        boolean locked = changes.locked() != null ? changes.locked() : before.locked();
        String email = changes.email() != null ? email(changes.email()) : before.email();
        if (locked && before.id() == actor.userId()) throw new Invalid("You cannot lock yourself");
        if (!name.equals(before.name()) || locked != before.locked() || !java.util.Objects.equals(email, before.email())) {
            policy.requireAccountChange(actor, before);
        }
        if (changes.profile() != null) {
            Organisation org = organisation(changes.organisation() != null
                    ? Text.storable("organisation", "user", changes.organisation(), 128) : actor.orgName());
            Profile wanted = profiles.named(Text.required("profile", "user", changes.profile(), 64));
            Profile current = membershipsBefore.stream().filter(m -> m.orgId() == org.id()).map(Membership::profile)
                    .findFirst().orElse(null);
            policy.requireProfileChange(actor, org, current, wanted);
            users.setMembership(before.id(), org.id(), wanted);
        }
        users.update(before.id(), name, locked, email);
        authenticator.invalidate();
        User after = users.findById(before.id()).orElseThrow();
        audit.record(actor, "update", "user", "~" + before.id(), UserView.of(before, membershipsBefore, null, keys.hasUsable(before.id(), clock.millis())),
                UserView.of(after, users.memberships(after.id()), null, keys.hasUsable(after.id(), clock.millis())));
        return after;
    }

    /**
     * Sets a password; a user without user management rights must give their current one. The
     * stored hash changes, which ends every UI session opened with the old password (see UiSessionFilter).
     */
    @Transactional
    public User setPassword(Principal actor, String idOrLogin, String currentPassword, String newPassword) {
        User user = forAccountChange(actor, idOrLogin);
        boolean self = user.id() == actor.userId();
        if (self && !actor.can(Permission.MANAGE_USERS)) {
            if (currentPassword == null || user.passwordHash() == null || !passwords.matches(currentPassword, user.passwordHash())) {
                throw new Forbidden("The current password is wrong");
            }
        }
        users.setPasswordHash(user.id(), hashPassword(user.login(), newPassword));
        authenticator.invalidate();
        audit.record(actor, "update", "user", "~" + user.id(), null, java.util.Map.of("password", "changed"));
        return users.findById(user.id()).orElseThrow();
    }

    @Transactional
    public void delete(Principal actor, String idOrLogin) {
        actor.require(Permission.MANAGE_PLATFORM);
        remove(actor, get(actor, idOrLogin));
    }

    /**
     * TheHive 5's force delete: a platform admin deletes anyone; someone who manages the whole
     * account under the account rule ({@link UserPolicy#requireAccountChange}: user management in
     * every organisation the user belongs to, no wider profile) deletes it too, as they could
     * already lock it and take its memberships away.
     */
    @Transactional
    public void forceDelete(Principal actor, String idOrLogin) {
        actor.require(Permission.MANAGE_USERS);
        User user = get(actor, idOrLogin);
        if (!actor.can(Permission.MANAGE_PLATFORM)) policy.requireAccountChange(actor, user);
        remove(actor, user);
    }

    private void remove(Principal actor, User user) {
        if (user.id() == actor.userId()) throw new Invalid("You cannot delete yourself");
        List<Membership> memberships = users.memberships(user.id());
        boolean hadKey = keys.hasUsable(user.id(), clock.millis());
        users.delete(user.id());
        authenticator.invalidate();
        audit.record(actor, "delete", "user", "~" + user.id(), UserView.of(user, memberships, null, hadKey), null);
    }

    /** Checks the password against {@link PasswordRules} before hashing it. */
    public String hashPassword(String login, String password) {
        passwordRules.check(login, password);
        return passwords.encode(password);
    }

    private Organisation organisation(String name) {
        return orgs.findByName(name).orElseThrow(() -> new NotFound("Organisation " + name + " not found"));
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id.substring(1)));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** An address as given (trimmed), or null for an empty one; refused unless it has a local part, an @ and a domain. */
    private static String email(String given) {
        String e = Text.storable("email", "user", given == null ? null : given.strip(), 256);
        if (e == null || e.isEmpty()) return null;
        if (!e.matches("[^@\\s]+@[^@\\s]+")) throw new Invalid("Email " + e + " is not an address");
        return e;
    }
}
