package io.sightline.server.auth.profiles;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Authenticator;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.Profile;
import io.sightline.server.auth.TheHivePermissions;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Custom profiles. A profile is shared by every organisation, and changing one changes the rights
 * of everyone who holds it, so: defining needs {@link Permission#MANAGE_PROFILE}; no one but a
 * platform admin defines, changes or deletes a profile with platform permissions; no one defines a
 * profile that allows more than their own; built-ins never change; a profile still held is not deleted.
 */
@Service
public class ProfileService {
    private final ProfileRepository profiles;
    private final ProfileCatalog catalog;
    private final UserRepository users;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final Clock clock;

    public ProfileService(ProfileRepository profiles, ProfileCatalog catalog, UserRepository users,
                          Authenticator authenticator, AuditLog audit, Clock clock) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.users = users;
        this.authenticator = authenticator;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ProfileRecord> list(Principal actor) {
        actor.require(Permission.READ);
        return profiles.all();
    }

    /** By id ("~12") or by name. */
    public ProfileRecord get(Principal actor, String idOrName) {
        actor.require(Permission.READ);
        return (Ids.looksLikeId(idOrName) ? profiles.findById(Ids.parse(idOrName, "Profile")) : profiles.findByName(idOrName))
                .orElseThrow(() -> new NotFound("Profile " + idOrName + " not found"));
    }

    @Transactional
    public ProfileRecord create(Principal actor, NewProfile command) {
        actor.require(Permission.MANAGE_PROFILE);
        String name = checkName(command.name());
        List<String> permissions = TheHivePermissions.check(command.permissions());
        requireMayDefine(actor, Profile.custom(name, permissions));
        if (profiles.findByName(name).isPresent()) throw new Conflict("Profile " + name + " already exists");
        ProfileRecord created = profiles.create(name, permissions, actor.login(), clock.millis());
        audit.record(actor, "create", "profile", Ids.format(created.id()), null, ProfileView.of(created));
        afterCommit();
        return created;
    }

    @Transactional
    public ProfileRecord update(Principal actor, String idOrName, ProfileChange change) {
        actor.require(Permission.MANAGE_PROFILE);
        ProfileRecord before = get(actor, idOrName);
        if (before.builtIn()) throw new Invalid("Profile " + before.name() + " is built in and cannot be changed");
        requireMayDefine(actor, before.profile());
        String name = change.name().map(ProfileService::checkName).orElse(before.name());
        List<String> permissions = change.permissions().map(TheHivePermissions::check).orElse(before.permissions());
        requireMayDefine(actor, Profile.custom(name, permissions));
        boolean renamed = !name.equals(before.name());
        if (renamed && profiles.findByName(name).filter(other -> other.id() != before.id()).isPresent()) {
            throw new Conflict("Profile " + name + " already exists");
        }
        profiles.update(before.id(), name, permissions, actor.login(), clock.millis());
        if (renamed) users.renameProfile(before.name(), name);
        ProfileRecord after = profiles.findById(before.id()).orElseThrow();
        audit.record(actor, "update", "profile", Ids.format(before.id()), ProfileView.of(before), ProfileView.of(after));
        afterCommit();
        return after;
    }

    @Transactional
    public void delete(Principal actor, String idOrName) {
        actor.require(Permission.MANAGE_PROFILE);
        ProfileRecord profile = get(actor, idOrName);
        if (profile.builtIn()) throw new Invalid("Profile " + profile.name() + " is built in and cannot be deleted");
        requireMayDefine(actor, profile.profile());
        long holders = users.countWithProfile(profile.name());
        if (holders > 0) {
            throw new Conflict("Profile " + profile.name() + " is given to " + holders + " member"
                    + (holders == 1 ? "" : "s") + " of organisations; give them another profile before deleting it");
        }
        profiles.delete(profile.id());
        audit.record(actor, "delete", "profile", Ids.format(profile.id()), ProfileView.of(profile), null);
        afterCommit();
    }

    /** The caller may define (or change, or delete) {@code profile}: see the class comment. */
    private static void requireMayDefine(Principal actor, Profile profile) {
        if (actor.can(Permission.MANAGE_PLATFORM)) return;
        if (profile.isPlatform()) {
            throw new Forbidden("Operation not allowed: only a platform admin defines profiles with platform permissions ("
                    + String.join(", ", profile.theHivePermissions().stream().filter(TheHivePermissions.PLATFORM::contains).toList()) + ")");
        }
        if (!profile.within(actor.profile())) {
            throw new Forbidden("Operation not allowed: profile " + profile.label() + " would allow more than your profile "
                    + actor.profile().label());
        }
    }

    private static String checkName(String raw) {
        String name = raw.trim();
        if (name.isEmpty() || name.length() > 64) throw new Invalid("A profile name has 1 to 64 characters");
        if (name.chars().anyMatch(Character::isISOControl)) throw new Invalid("A profile name must not contain control characters");
        return name;
    }

    /** Members' rights change with the profile: the cached profiles and principals go once the change is committed. */
    private void afterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                catalog.refresh();
                authenticator.invalidate();
            }
        });
    }
}
