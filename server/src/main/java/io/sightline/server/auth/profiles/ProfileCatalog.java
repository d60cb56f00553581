package io.sightline.server.auth.profiles;

import io.sightline.server.auth.Profile;
import io.sightline.server.core.Invalid;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every profile by name, read from the table and kept in memory: each request's principal and each
 * membership resolves its profile here, so it must not cost a query. Refreshed after a change on
 * this hub, and at most {@link #MAX_AGE_MILLIS} after a change made by another hub on the same database.
 */
@Component
public class ProfileCatalog {
    static final long MAX_AGE_MILLIS = 10_000;

    private final ProfileRepository repository;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, Profile> byName, long loadedAt) {}

    public ProfileCatalog(ProfileRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(current().byName().get(name.toLowerCase(Locale.ROOT)));
    }

    /** The profile a caller names, or a 400 naming the known ones. */
    public Profile named(String name) {
        return find(name).orElseThrow(() -> new Invalid("Unknown profile '" + name + "'; known profiles: "
                + String.join(", ", current().byName().values().stream().map(Profile::label).toList())));
    }

    /**
     * The profile a stored membership names. A name no longer defined allows nothing (a membership
     * is never left pointing at a deleted profile, but a wrong row must not grant rights).
     */
    public Profile ofMembership(String name) {
        return find(name).orElseGet(() -> new Profile(name, java.util.EnumSet.noneOf(io.sightline.server.auth.Permission.class), List.of()));
    }

    public List<Profile> all() {
        return List.copyOf(current().byName().values());
    }

    /** Called after a committed change. */
    public void refresh() {
        Map<String, Profile> byName = new LinkedHashMap<>();
        for (ProfileRecord r : repository.all()) byName.put(r.name().toLowerCase(Locale.ROOT), r.profile());
        snapshot = new Snapshot(byName, clock.millis());
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || clock.millis() - s.loadedAt() > MAX_AGE_MILLIS) {
            refresh();
            s = snapshot;
        }
        return s;
    }
}
