package io.sightline.server.auth;

import java.util.List;
import java.util.Optional;
import io.sightline.server.auth.profiles.ProfileCatalog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {
    /** The domain TheHive gives a login that has none (its {@code auth.defaultUserDomain}). */
    static final String THEHIVE_DEFAULT_DOMAIN = "@thehive.local";
    private static final RowMapper<User> ROW = (rs, i) -> new User(rs.getLong("id"), rs.getString("login"),
            rs.getString("name"), rs.getString("password_hash"), rs.getBoolean("locked"), rs.getLong("created_at"),
            rs.getString("email"));
    private final RowMapper<Membership> membership;
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc, ProfileCatalog profiles) {
        this.jdbc = jdbc;
        this.membership = (rs, i) -> new Membership(rs.getLong("user_id"), rs.getLong("org_id"), rs.getString("org_name"),
                profiles.ofMembership(rs.getString("profile")), rs.getBoolean("is_default"));
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    public User create(String login, String name, String passwordHash, long now, String email) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (login, name, password_hash, created_at, email) VALUES (?, ?, ?, ?, ?)")
                .params(login, name, passwordHash, now, email).update(keys, "id");
        return new User(keys.getKey().longValue(), login, name, passwordHash, false, now, email);
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = ?").param(id).query(ROW).optional();
    }

    public Optional<User> findByLogin(String login) {
        return jdbc.sql("SELECT * FROM app_user WHERE login = ?").param(login).query(ROW).optional();
    }

    public List<User> inOrganisation(long orgId) {
        return jdbc.sql("SELECT u.* FROM app_user u JOIN membership m ON m.user_id = u.id WHERE m.org_id = ? ORDER BY u.login")
                .param(orgId).query(ROW).list();
    }

    public List<User> all() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY login").query(ROW).list();
    }

    public void update(long id, String name, boolean locked, String email) {
        jdbc.sql("UPDATE app_user SET name = ?, locked = ?, email = ? WHERE id = ?").params(name, locked, email, id).update();
    }

    public void setPasswordHash(long id, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(hash, id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM app_user WHERE id = ?").param(id).update();
    }

    public List<Membership> memberships(long userId) {
        return jdbc.sql("""
                SELECT m.user_id, m.org_id, o.name AS org_name, m.profile, m.is_default
                FROM membership m JOIN organisation o ON o.id = m.org_id
                WHERE m.user_id = ? ORDER BY m.org_id""").param(userId).query(membership).list();
    }

    public void setMembership(long userId, long orgId, Profile profile) {
        int updated = jdbc.sql("UPDATE membership SET profile = ? WHERE user_id = ? AND org_id = ?")
                .params(profile.label(), userId, orgId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO membership (user_id, org_id, profile) VALUES (?, ?, ?)")
                    .params(userId, orgId, profile.label()).update();
        }
    }

    /** Marks one of the user's memberships as their default organisation, the others not. */
    public void setDefaultOrganisation(long userId, long orgId) {
        jdbc.sql("UPDATE membership SET is_default = (org_id = ?) WHERE user_id = ?").params(orgId, userId).update();
    }

    /** How many memberships name the profile (any letter case, as profile names are matched). */
    public long countWithProfile(String profile) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE LOWER(profile) = LOWER(?)").param(profile).query(Long.class).single();
    }

    /** A renamed profile keeps its members. */
    public void renameProfile(String from, String to) {
        jdbc.sql("UPDATE membership SET profile = ? WHERE LOWER(profile) = LOWER(?)").params(to, from).update();
    }

    /**
     * The member of the organisation with this login. TheHive names users by email and gives a
     * login without a domain its default one ({@code admin} is {@code admin@thehive.local}), so a
     * login in that domain also finds the user whose login is the part before it.
     */
    public Optional<User> findMember(String login, long orgId) {
        String sql = "SELECT u.* FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.login = ? AND m.org_id = ?";
        Optional<User> exact = jdbc.sql(sql).params(login, orgId).query(ROW).optional();
        if (exact.isPresent() || !login.endsWith(THEHIVE_DEFAULT_DOMAIN)) return exact;
        String local = login.substring(0, login.length() - THEHIVE_DEFAULT_DOMAIN.length());
        return local.isEmpty() || local.contains("@") ? exact : jdbc.sql(sql).params(local, orgId).query(ROW).optional();
    }

    public boolean isMember(String login, long orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.login = ? AND m.org_id = ?")
                .params(login, orgId).query(Long.class).single() > 0;
    }

    public void removeMembership(long userId, long orgId) {
        jdbc.sql("DELETE FROM membership WHERE user_id = ? AND org_id = ?").params(userId, orgId).update();
    }
}
