package io.sightline.testkit.stixify;

import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.RetryPolicy;
import io.sightline.integrations.http.Sleeper;
import io.sightline.integrations.stixify.StixifyClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Clients of the emulator whose retry waits are recorded instead of slept. */
final class StixifyTestClients {
    static final String KEY = "test-api-key-5f1c";

    private StixifyTestClients() {}

    /** Records waits instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    static StixifyClient client(StixifyEmulator emulator, RecordingSleeper sleeper) {
        return client(emulator, KEY, sleeper);
    }

    static StixifyClient client(StixifyEmulator emulator, String key, RecordingSleeper sleeper) {
        var config = StixifyClient.config(emulator.baseUrl(), key)
                .retry(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .requestTimeout(Duration.ofSeconds(20))
                .build();
        return new StixifyClient(new HttpTarget(config, sleeper, Clock.systemUTC()));
    }
}
