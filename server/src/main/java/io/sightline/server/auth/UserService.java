package io.sightline.server.auth;

import io.sightline.server.api.ApiException;
import io.sightline.server.api.JsonInput;
import io.sightline.server.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Users and their profile per organisation; org admins manage their own organisation only. */
@Service
public class UserService {
    private static final Set<String> CREATE_FIELDS = Set.of("login", "name", "profile", "organisation", "password", "email");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "locked", "profile", "organisation", "email");

    private final UserRepository users;
    private final OrganisationRepository orgs;
    private final PasswordEncoder passwords;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final Clock clock;

    public UserService(UserRepository users, OrganisationRepository orgs, PasswordEncoder passwords,
                       Authenticator authenticator, AuditLog audit, Clock clock) {
        this.users = users;
        this.orgs = orgs;
        this.passwords = passwords;
        this.authenticator = authenticator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public User create(Principal actor, JsonNode body) {
        actor.require(Permission.MANAGE_USERS);
        JsonInput in = JsonInput.of(body, "user", CREATE_FIELDS);
        String login = in.requiredString("login", 256).trim();
        if (login.chars().anyMatch(Character::isWhitespace)) throw ApiException.invalid("A login must not contain spaces");
        if (users.findByLogin(login).isPresent()) throw ApiException.createError("User " + login + " already exists");
        Organisation org = targetOrg(actor, in.string("organisation", 128).orElse(actor.orgName()));
        Profile profile = allowedProfile(actor, in.requiredString("profile", 32));
        String hash = in.string("password", 1024).map(this::hashPassword).orElse(null);
        User user = users.create(login, in.string("name", 256).orElse(login), hash, clock.millis());
        users.setMembership(user.id(), org.id(), profile);
        audit.record(actor, "create", "user", "~" + user.id(), null, UserView.of(user, users.memberships(user.id()), null));
        return user;
    }

    /** A user visible to the caller: platform admins see everyone, others the members of their organisation. */
    public User get(Principal actor, String idOrLogin) {
        actor.require(Permission.READ);
        User user = (idOrLogin.startsWith("~") ? parseId(idOrLogin).flatMap(users::findById) : users.findByLogin(idOrLogin))
                .orElseThrow(() -> ApiException.notFound("User " + idOrLogin + " not found"));
        if (!actor.can(Permission.MANAGE_PLATFORM) && user.id() != actor.userId() && !users.isMember(user.login(), actor.orgId())) {
            throw ApiException.notFound("User " + idOrLogin + " not found");
        }
        return user;
    }

    /** Reading or changing another user's keys or settings needs user management rights. */
    public User manageable(Principal actor, String idOrLogin) {
        User user = get(actor, idOrLogin);
        if (user.id() != actor.userId()) actor.require(Permission.MANAGE_USERS);
        return user;
    }

    public List<User> list(Principal actor) {
        actor.require(Permission.READ);
        return users.inOrganisation(actor.orgId());
    }

    public List<Membership> memberships(User user) {
        return users.memberships(user.id());
    }

    @Transactional
    public User update(Principal actor, String idOrLogin, JsonNode body) {
        JsonInput in = JsonInput.of(body, "user", UPDATE_FIELDS);
        User before = manageable(actor, idOrLogin);
        List<Membership> membershipsBefore = users.memberships(before.id());
        boolean locked = in.bool("locked").orElse(before.locked());
        if (locked && before.id() == actor.userId()) throw ApiException.invalid("You cannot lock yourself");
        if (in.has("locked") || in.has("profile")) actor.require(Permission.MANAGE_USERS);
        users.update(before.id(), in.string("name", 256).orElse(before.name()), locked);
        if (in.hasValue("profile")) {
            Organisation org = targetOrg(actor, in.string("organisation", 128).orElse(actor.orgName()));
            users.setMembership(before.id(), org.id(), allowedProfile(actor, in.requiredString("profile", 32)));
        }
        authenticator.invalidate();
        User after = users.findById(before.id()).orElseThrow();
        audit.record(actor, "update", "user", "~" + before.id(), UserView.of(before, membershipsBefore, null),
                UserView.of(after, users.memberships(after.id()), null));
        return after;
    }

    @Transactional
    public void setPassword(Principal actor, String idOrLogin, String currentPassword, String newPassword) {
        User user = manageable(actor, idOrLogin);
        boolean self = user.id() == actor.userId();
        if (self && !actor.can(Permission.MANAGE_USERS)) {
            if (currentPassword == null || user.passwordHash() == null || !passwords.matches(currentPassword, user.passwordHash())) {
                throw ApiException.forbidden("The current password is wrong");
            }
        }
        users.setPasswordHash(user.id(), hashPassword(newPassword));
        authenticator.invalidate();
        audit.record(actor, "update", "user", "~" + user.id(), null, java.util.Map.of("password", "changed"));
    }

    @Transactional
    public void delete(Principal actor, String idOrLogin) {
        actor.require(Permission.MANAGE_PLATFORM);
        User user = get(actor, idOrLogin);
        if (user.id() == actor.userId()) throw ApiException.invalid("You cannot delete yourself");
        List<Membership> memberships = users.memberships(user.id());
        users.delete(user.id());
        authenticator.invalidate();
        audit.record(actor, "delete", "user", "~" + user.id(), UserView.of(user, memberships, null), null);
    }

    public String hashPassword(String password) {
        if (password.length() < 8) throw ApiException.invalid("A password must have at least 8 characters");
        return passwords.encode(password);
    }

    private Organisation targetOrg(Principal actor, String name) {
        Organisation org = orgs.findByName(name).orElseThrow(() -> ApiException.notFound("Organisation " + name + " not found"));
        if (org.id() != actor.orgId()) actor.require(Permission.MANAGE_PLATFORM);
        return org;
    }

    private static Profile allowedProfile(Principal actor, String label) {
        Profile profile = Profile.parse(label);
        if (profile == Profile.ADMIN) actor.require(Permission.MANAGE_PLATFORM);
        return profile;
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id.substring(1)));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
