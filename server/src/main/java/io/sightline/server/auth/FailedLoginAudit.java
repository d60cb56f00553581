package io.sightline.server.auth;

import io.sightline.server.audit.AuditLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes failed logins to the audit trail (entity "login", visible to platform admins only):
 * the first failure of a login from an address and the start of each lock, never every guess.
 * A flood from many addresses could still write a row per address, so writes are capped per
 * minute; the rest are counted and written as one summary row.
 */
@Component
class FailedLoginAudit implements LoginThrottle.Events {
    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginAudit.class);
    private static final int MAX_LOGIN_CHARS = 64;

    private final AuditLog audit;
    private final Clock clock;
    private final int perMinute;
    private long minute;
    private int written;
    private long suppressed;

    public FailedLoginAudit(AuditLog audit, Clock clock, @Value("${sightline.auth.throttle.audit-per-minute}") int perMinute) {
        this.audit = audit;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    @Override
    public void firstFailure(String identity, String address, String reason) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("login", shorten(identity));
        after.put("address", address);
        after.put("reason", reason);
        write("loginFailed", identity, after);
    }

    @Override
    public void throttled(String scope, String identity, String address, int failures, long lockMillis) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("login", shorten(identity));
        after.put("address", address);
        after.put("scope", scope);
        after.put("failures", failures);
        after.put("lockSeconds", lockMillis / 1000);
        write("loginThrottled", identity, after);
    }

    /** Writes the count of failures left out during a flood, once the flood has left room for it. */
    @Scheduled(fixedDelay = 60_000)
    public void flushSuppressed() {
        long count;
        synchronized (this) {
            if (suppressed == 0 || !allowed()) return;
            count = suppressed;
            suppressed = 0;
        }
        audit.record(null, "anonymous", "loginFailuresNotAudited", "login", "*", null, Map.of("count", count));
    }

    private void write(String action, String identity, Map<String, Object> after) {
        synchronized (this) {
            if (!allowed()) {
                suppressed++;
                return;
            }
        }
        try {
            audit.record(null, "anonymous", action, "login", shorten(identity), null, after);
        } catch (RuntimeException e) {
            // the client's answer (401 or 429) must not turn into a 500 because the audit trail is unavailable
            LOG.warn("Could not audit a failed login: {}", e.toString());
        }
    }

    /** Takes one write from this minute's budget. */
    private boolean allowed() {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            written = 0;
        }
        if (written >= perMinute) return false;
        written++;
        return true;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_LOGIN_CHARS ? s : s.substring(0, MAX_LOGIN_CHARS - 1) + "…";
    }
}
