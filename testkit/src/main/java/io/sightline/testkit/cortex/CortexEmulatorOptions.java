package io.sightline.testkit.cortex;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link CortexEmulator}.
 *
 * @param apiKey         the only Bearer key accepted
 * @param organization   Cortex organisation of the key (analyzer ids depend on it, as in Cortex)
 * @param waitingDelay   time a new job stays Waiting
 * @param runningDelay   time it then stays InProgress before Success/Failure
 * @param jobCache       Cortex's job cache window (10 minutes in Cortex); zero disables the cache
 * @param port           TCP port on 127.0.0.1, 0 for a free one
 * @param cortexVersion  version reported by /api/status
 */
public record CortexEmulatorOptions(String apiKey, String organization, Duration waitingDelay, Duration runningDelay,
        Duration jobCache, int port, String cortexVersion) {

    public CortexEmulatorOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the emulator needs an API key");
        }
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(waitingDelay, "waitingDelay");
        Objects.requireNonNull(runningDelay, "runningDelay");
        Objects.requireNonNull(jobCache, "jobCache");
        Objects.requireNonNull(cortexVersion, "cortexVersion");
    }

    public static CortexEmulatorOptions defaults() {
        return new CortexEmulatorOptions("emulated-cortex-key-0123456789", "sightline", Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMinutes(10), 0, "3.1.8-1");
    }

    public CortexEmulatorOptions withApiKey(String value) {
        return new CortexEmulatorOptions(value, organization, waitingDelay, runningDelay, jobCache, port,
                cortexVersion);
    }

    public CortexEmulatorOptions withDelays(Duration waiting, Duration running) {
        return new CortexEmulatorOptions(apiKey, organization, waiting, running, jobCache, port,
                cortexVersion);
    }

    public CortexEmulatorOptions withJobCache(Duration value) {
        return new CortexEmulatorOptions(apiKey, organization, waitingDelay, runningDelay, value, port,
                cortexVersion);
    }

    public CortexEmulatorOptions withPort(int value) {
        return new CortexEmulatorOptions(apiKey, organization, waitingDelay, runningDelay, jobCache, value,
                cortexVersion);
    }

    @Override
    public String toString() {
        return "CortexEmulatorOptions[organization=" + organization + ", waitingDelay=" + waitingDelay
                + ", runningDelay=" + runningDelay + ", jobCache=" + jobCache + ", port=" + port + "]";
    }
}
