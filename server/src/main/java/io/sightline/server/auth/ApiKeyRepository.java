package io.sightline.server.auth;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {
    private static final RowMapper<ApiKey> ROW = (rs, i) -> new ApiKey(rs.getLong("id"), rs.getLong("user_id"),
            rs.getString("prefix"), rs.getString("secret_hash"), rs.getString("comment"),
            IpRanges.fromStored(rs.getString("allowed_ips")), rs.getBoolean("read_only"), rs.getLong("created_at"),
            rs.getLong("expires_at"), (Long) rs.getObject("revoked_at", Long.class),
            (Long) rs.getObject("last_used_at", Long.class), rs.getString("last_used_ip"));
    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long userId, String prefix, String secretHash, String comment, IpRanges allowed,
                       boolean readOnly, long now, long expiresAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_key (user_id, prefix, secret_hash, comment, allowed_ips, read_only, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, prefix, secretHash, comment, allowed.toStored(), readOnly, now, expiresAt)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ApiKey> findByHash(String secretHash) {
        return jdbc.sql("SELECT * FROM api_key WHERE secret_hash = ?").param(secretHash).query(ROW).optional();
    }

    public Optional<ApiKey> findById(long id) {
        return jdbc.sql("SELECT * FROM api_key WHERE id = ?").param(id).query(ROW).optional();
    }

    public List<ApiKey> ofUser(long userId) {
        return jdbc.sql("SELECT * FROM api_key WHERE user_id = ? ORDER BY created_at DESC, id DESC").param(userId).query(ROW).list();
    }

    /** Whether the user holds a key neither revoked nor expired at {@code now}. */
    public boolean hasUsable(long userId, long now) {
        return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?")
                .params(userId, now).query(Long.class).single() > 0;
    }

    public void revoke(long id, long now) {
        jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(now, id).update();
    }

    public void revokeAllOfUser(long userId, long now) {
        jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL").params(now, userId).update();
    }

    public void markUsed(long id, long at, String ip) {
        jdbc.sql("UPDATE api_key SET last_used_at = ?, last_used_ip = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(at, ip, id, at).update();
    }
}
