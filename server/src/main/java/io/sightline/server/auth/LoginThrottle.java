package io.sightline.server.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Slows down password and key guessing. Failures are counted per login (or API key prefix) and
 * client address, and per address across logins; past a limit the pair (or the address) is
 * refused, with credentials unchecked, for a delay that doubles on each further failure up to a
 * maximum. Nothing is locked for good and a lock never applies to other addresses, so an
 * attacker cannot keep a user out. State lives in memory, in a table of bounded size.
 */
@Service
public class LoginThrottle {
    /** Limits and delays; see docs/authentication-throttling.md. */
    public record Settings(int loginFailures, int addressFailures, Duration window, Duration firstDelay,
                           Duration maxDelay, int maxEntries) {}

    /** What an attempt ended as, for the audit trail. */
    public interface Events {
        /** The first failure of a login from an address in a window. */
        void firstFailure(String identity, String address, String reason);

        /** A lock started: {@code scope} is "login" (this login from this address) or "address" (every login). */
        void throttled(String scope, String identity, String address, int failures, long lockMillis);
    }

    private static final int MAX_IDENTITY_CHARS = 256;

    private final Settings settings;
    private final Clock clock;
    private final Events events;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(Clock clock, Events events,
                         @Value("${sightline.auth.throttle.login-failures}") int loginFailures,
                         @Value("${sightline.auth.throttle.address-failures}") int addressFailures,
                         @Value("${sightline.auth.throttle.window}") String window,
                         @Value("${sightline.auth.throttle.first-delay}") String firstDelay,
                         @Value("${sightline.auth.throttle.max-delay}") String maxDelay,
                         @Value("${sightline.auth.throttle.max-entries}") int maxEntries) {
        this(clock, events, new Settings(loginFailures, addressFailures, DurationStyle.detectAndParse(window),
                DurationStyle.detectAndParse(firstDelay), DurationStyle.detectAndParse(maxDelay), maxEntries));
    }

    public LoginThrottle(Clock clock, Events events, Settings settings) {
        if (settings.loginFailures() < 1 || settings.addressFailures() < 1 || settings.maxEntries() < 10) {
            throw new IllegalArgumentException("sightline.auth.throttle: limits must be positive and max-entries at least 10");
        }
        this.clock = clock;
        this.events = events;
        this.settings = settings;
    }

    /**
     * Starts an attempt to authenticate {@code identity} (a login, or "key " + the key prefix)
     * from {@code address}; refused with {@link TooManyFailedLogins} while either is throttled.
     * End it with {@link Attempt#failed} or {@link Attempt#succeeded}, and always close it.
     */
    public Attempt begin(String claimed, String address) {
        // a Basic header may carry kilobytes of "login": the table keeps a bounded key
        String identity = claimed.length() <= MAX_IDENTITY_CHARS ? claimed : claimed.substring(0, MAX_IDENTITY_CHARS);
        long now = clock.millis();
        String addressKey = addressKey(address);
        Counter byAddress = live(addressKey, now);
        Counter byLogin = live(addressKey + "\n" + identity, now);
        long wait = byAddress == null ? 0 : byAddress.lockedFor(now);
        if (wait == 0 && byLogin != null) wait = byLogin.reserve(now, settings.loginFailures());
        if (wait > 0) throw new TooManyFailedLogins(wait);
        return new Attempt(identity, address, addressKey, byLogin);
    }

    /** Forgets counters that have been quiet for a while, so that memory follows the attack, not its history. */
    @Scheduled(fixedDelay = 60_000)
    public void purge() {
        long now = clock.millis();
        counters.entrySet().removeIf(e -> e.getValue().quiet(now, settings.window().toMillis()));
    }

    /** Number of counters held, for tests and metrics. */
    public int size() {
        return counters.size();
    }

    private Counter live(String key, long now) {
        Counter c = counters.get(key);
        if (c != null && c.quiet(now, settings.window().toMillis())) {
            counters.remove(key, c);
            return null;
        }
        return c;
    }

    private Counter counter(String key) {
        Counter c = counters.get(key);
        if (c != null) return c;
        if (counters.size() >= settings.maxEntries()) makeRoom();
        return counters.computeIfAbsent(key, k -> new Counter());
    }

    /**
     * At the cap: quiet counters go first, then those whose lock ends soonest (unlocked ones
     * before locked ones), down to nine tenths of the cap so that this runs rarely.
     */
    private synchronized void makeRoom() {
        if (counters.size() < settings.maxEntries()) return;
        purge();
        int target = settings.maxEntries() * 9 / 10;
        int excess = counters.size() - target;
        if (excess <= 0) return;
        List<Map.Entry<String, Long>> byLockEnd = counters.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().lockedUntil))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).limit(excess).toList();
        byLockEnd.forEach(e -> counters.remove(e.getKey()));
    }

    /** IPv6 clients are counted by /64 network: one host usually holds a whole /64. */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) return address;
        try {
            byte[] ip = IpRanges.literal(address).getAddress();
            if (ip.length != 16) return address;
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 8; i += 2) out.append(String.format("%02x%02x:", ip[i], ip[i + 1]));
            return out.append(":/64").toString();
        } catch (IllegalArgumentException e) {
            return address;
        }
    }

    /** One authentication attempt; at most one of failed/succeeded takes effect. */
    public final class Attempt implements AutoCloseable {
        private final String identity;
        private final String address;
        private final String addressKey;
        private Counter reserved;
        private boolean done;

        private Attempt(String identity, String address, String addressKey, Counter reserved) {
            this.identity = identity;
            this.address = address;
            this.addressKey = addressKey;
            this.reserved = reserved;
        }

        /** The credentials were wrong (a guess): counts for the login and for the address. */
        public void failed(String reason) {
            if (done) return;
            done = true;
            long now = clock.millis();
            release();
            Counter byLogin = counter(addressKey + "\n" + identity);
            Counter.Outcome login = byLogin.fail(now, settings.loginFailures(), settings);
            Counter.Outcome byAddress = counter(addressKey).fail(now, settings.addressFailures(), settings);
            if (login.firstOfWindow()) events.firstFailure(identity, address, reason);
            if (login.lockMillis() > 0) events.throttled("login", identity, address, login.failures(), login.lockMillis());
            if (byAddress.lockMillis() > 0) {
                events.throttled("address", identity, address, byAddress.failures(), byAddress.lockMillis());
            }
        }

        /** The credentials were right: the failures of this login from this address are forgotten. */
        public void succeeded() {
            if (done) return;
            done = true;
            release();
            counters.remove(addressKey + "\n" + identity);
        }

        @Override
        public void close() {
            done = true;
            release();
        }

        private void release() {
            if (reserved != null) reserved.release();
            reserved = null;
        }
    }

    /** Failures of one login from one address, or of one address. */
    private static final class Counter {
        record Outcome(boolean firstOfWindow, int failures, long lockMillis) {}

        private int failures;
        private long windowStart;
        private long lastFailureAt;
        private volatile long lockedUntil;
        /** The last lock's length; non-zero until the counter goes quiet, so that locks keep doubling. */
        private long lockMillis;
        /** Attempts under way: checked against what the limit still allows, so a burst cannot overrun it. */
        private int pending;

        synchronized long lockedFor(long now) {
            return Math.max(0, lockedUntil - now);
        }

        /** Reserves one attempt, or answers how long to wait (a moment when the remaining tries are all under way). */
        synchronized long reserve(long now, int limit) {
            if (lockedUntil > now) return lockedUntil - now;
            int allowed = lockMillis > 0 ? 1 : limit - failures;
            if (pending >= allowed) return 1_000;
            pending++;
            return 0;
        }

        synchronized void release() {
            if (pending > 0) pending--;
        }

        synchronized Outcome fail(long now, int limit, Settings s) {
            long window = s.window().toMillis();
            if (quiet(now, window)) {
                failures = 0;
                lockMillis = 0;
                windowStart = now;
            } else if (lockMillis == 0 && now - windowStart >= window) {
                failures = 0;
                windowStart = now;
            }
            failures++;
            lastFailureAt = now;
            if (lockedUntil > now) return new Outcome(false, failures, 0);
            long lock = 0;
            if (lockMillis > 0) {
                lock = Math.min(lockMillis * 2, s.maxDelay().toMillis());
            } else if (failures >= limit) {
                lock = Math.min(s.firstDelay().toMillis(), s.maxDelay().toMillis());
            }
            if (lock > 0) {
                lockMillis = lock;
                lockedUntil = now + lock;
            }
            return new Outcome(failures == 1, failures, lock);
        }

        /** Nothing to remember: no attempt under way, no failure in the window, and no lock in the last window. */
        synchronized boolean quiet(long now, long window) {
            if (pending > 0 || lastFailureAt == 0) return false;
            if (lockMillis > 0) return now >= lockedUntil + window;
            return now - lastFailureAt >= window;
        }
    }
}
