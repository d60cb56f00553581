package io.sightline.testkit.misp;

import io.sightline.integrations.misp.MispClient;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.RetryPolicy;
import io.sightline.integrations.http.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/** Fixture location and clients wired to an emulator. */
final class MispTestSupport {

    private MispTestSupport() {
    }

    /**
     * {@code shared/fixtures/misp}, the public samples, found by walking up from the working
     * directory; absent in a plain clone, where the tests needing them are skipped with a message.
     */
    static Path fixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures/misp");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Assumptions.abort("shared/fixtures/misp not found above " + Path.of("").toAbsolutePath()
                + ": comparison with the public samples skipped");
    }

    /** Records the waits the HTTP layer asks for instead of waiting. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    static HttpTargetConfig.Builder config(MispEmulator misp) {
        return HttpTargetConfig.builder("misp-test", misp.baseUrl())
                .auth(HttpAuth.rawKey(misp.apiKey()))
                .requestTimeout(Duration.ofSeconds(10))
                .retry(RetryPolicy.of(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    static MispClient client(HttpTargetConfig config, Sleeper sleeper) {
        return new MispClient(new HttpTarget(config, sleeper, Clock.systemUTC()), Clock.systemUTC());
    }

    static MispClient client(MispEmulator misp) {
        return client(config(misp).build(), new RecordingSleeper());
    }
}
