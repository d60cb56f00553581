package io.sightline.server.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttle's rules on a clock the test moves: no waiting. */
class LoginThrottleTest {
    private static final LoginThrottle.Settings SETTINGS = new LoginThrottle.Settings(5, 50, Duration.ofMinutes(5),
            Duration.ofMinutes(1), Duration.ofMinutes(15), 1000);

    private final MovableClock clock = new MovableClock();
    private final List<String> events = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(clock, new LoginThrottle.Events() {
        @Override
        public void firstFailure(String identity, String address, String reason) {
            events.add("first " + identity + " " + address + " " + reason);
        }

        @Override
        public void throttled(String scope, String identity, String address, int failures, long lockMillis) {
            events.add("throttled " + scope + " " + identity + " " + address + " " + lockMillis / 1000 + "s");
        }
    }, SETTINGS);

    @Test
    void locksAfterFiveFailuresAndDoublesEachLockUpToTheMaximum() {
        failTimes("alice", "192.0.2.1", 5);
        assertThat(retryAfter("alice", "192.0.2.1")).isEqualTo(60);

        long[] expected = {120, 240, 480, 900, 900};
        for (long seconds : expected) {
            clock.advance(Duration.ofMillis(retryAfter("alice", "192.0.2.1") * 1000));
            failTimes("alice", "192.0.2.1", 1);
            assertThat(retryAfter("alice", "192.0.2.1")).as("lock after the next failure").isEqualTo(seconds);
        }
    }

    @Test
    void aLockedLoginCanStillSignInFromAnotherAddressAndSuccessClearsItsCount() {
        failTimes("bob", "192.0.2.1", 5);
        assertThat(retryAfter("bob", "192.0.2.1")).isPositive();
        try (var attempt = throttle.begin("bob", "192.0.2.2")) {
            attempt.succeeded();
        }

        failTimes("bob", "192.0.2.3", 4);
        try (var attempt = throttle.begin("bob", "192.0.2.3")) {
            attempt.succeeded();
        }
        failTimes("bob", "192.0.2.3", 4);
        assertThat(retryAfter("bob", "192.0.2.3")).as("4 + 4 failures with a success between").isZero();
    }

    @Test
    void fiftyFailuresAcrossLoginsLockTheAddress() {
        for (int i = 0; i < 50; i++) failTimes("user" + i, "198.51.100.7", 1);
        assertThat(retryAfter("someone-new", "198.51.100.7")).isEqualTo(60);
        assertThat(retryAfter("someone-new", "198.51.100.8")).isZero();
        assertThat(events).contains("throttled address user49 198.51.100.7 60s");
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        failTimes("carol", "192.0.2.1", 4);
        clock.advance(Duration.ofMinutes(5));
        failTimes("carol", "192.0.2.1", 4);
        assertThat(retryAfter("carol", "192.0.2.1")).isZero();
    }

    @Test
    void aBurstOfParallelAttemptsCannotOverrunTheLimit() {
        failTimes("dave", "192.0.2.1", 3);
        var first = throttle.begin("dave", "192.0.2.1");
        var second = throttle.begin("dave", "192.0.2.1");
        assertThatThrownBy(() -> throttle.begin("dave", "192.0.2.1")).isInstanceOf(TooManyFailedLogins.class);
        first.close();
        second.close();
        assertThat(retryAfter("dave", "192.0.2.1")).isZero();
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        for (int i = 0; i < 5; i++) failTimes("erin", "2001:db8:1:2::" + Integer.toHexString(i + 1), 1);
        assertThat(retryAfter("erin", "2001:db8:1:2:ffff::9")).isEqualTo(60);
        assertThat(retryAfter("erin", "2001:db8:1:3::1")).isZero();
    }

    @Test
    void theTableNeverGrowsPastItsCapAndKeepsLocksLongest() {
        failTimes("target", "192.0.2.1", 5);
        for (int i = 0; i < 3000; i++) failTimes("spray", "10.0." + (i / 250) + "." + (i % 250), 1);
        assertThat(throttle.size()).isLessThanOrEqualTo(1000);
        assertThat(retryAfter("target", "192.0.2.1")).as("a lock survives a spray of single failures").isPositive();

        clock.advance(Duration.ofMinutes(7));
        throttle.purge();
        assertThat(throttle.size()).isZero();
    }

    @Test
    void reportsTheFirstFailureAndTheLockNotEveryGuess() {
        failTimes("frank", "192.0.2.1", 5);
        assertThat(events).containsExactly("first frank 192.0.2.1 wrong password", "throttled login frank 192.0.2.1 60s");
    }

    private void failTimes(String login, String address, int times) {
        for (int i = 0; i < times; i++) {
            try (var attempt = throttle.begin(login, address)) {
                attempt.failed("wrong password");
            }
        }
    }

    /** Seconds the throttle asks to wait, 0 when an attempt may go ahead. */
    private long retryAfter(String login, String address) {
        try (var attempt = throttle.begin(login, address)) {
            return 0;
        } catch (TooManyFailedLogins e) {
            return e.retryAfterSeconds();
        }
    }
}
