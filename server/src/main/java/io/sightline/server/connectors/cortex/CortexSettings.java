package io.sightline.server.connectors.cortex;

import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.RateLimit;
import io.sightline.integrations.http.RetryPolicy;
import io.sightline.server.connectors.config.ConfigBlock;
import io.sightline.server.connectors.config.ConfigSpec;
import io.sightline.server.connectors.config.ConnectorConfigReader;
import io.sightline.server.connectors.config.HttpServerSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.ConfigurableEnvironment;

import static io.sightline.server.connectors.config.ConfigSpec.Type.DURATION;
import static io.sightline.server.connectors.config.ConfigSpec.Type.INTEGER;
import static io.sightline.server.connectors.config.ConfigSpec.Type.STRING_LIST;

/**
 * The {@code cortex} block, with TheHive 4's keys ({@code servers[]}, {@code refreshDelay},
 * {@code maxRetryOnError}, {@code statusCheckInterval}) plus Sightline's per-server limits
 * ({@code maxConcurrentJobs}, {@code requestsPerSecond}) and an overall {@code jobTimeout}.
 *
 * @param refreshDelay        period of the job poller
 * @param maxRetryOnError     failed polls or submissions tolerated per job before it is failed
 * @param statusCheckInterval period of the server checks shown in {@code /api/status}
 * @param jobTimeout          a job still running after this long is failed locally
 */
public record CortexSettings(boolean present, List<Server> servers, Duration refreshDelay, int maxRetryOnError,
                             Duration statusCheckInterval, Duration jobTimeout) {

    /** Longest Retry-After the HTTP layer waits for inline; longer waits are kept by the job queue instead. */
    static final Duration MAX_INLINE_RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * One Cortex server.
     *
     * @param maxConcurrentJobs jobs in Waiting/InProgress on this server at once; more are queued locally (0 = no limit)
     * @param includedOrgs      Sightline organisations allowed to use it ({@code *} = all)
     */
    public record Server(String name, String url, HttpTargetConfig target, int maxConcurrentJobs,
                         Set<String> includedOrgs, Set<String> excludedOrgs, String secret) {

        public boolean allows(String organisation) {
            if (excludedOrgs.contains(organisation)) return false;
            return includedOrgs.contains("*") || includedOrgs.contains(organisation);
        }

        @Override
        public String toString() {
            return "Server[" + name + ", " + url + "]";
        }
    }

    static final ConfigSpec SPEC = ConfigSpec.create()
            .blockList("servers", HttpServerSettings.serverSpec("bearer")
                    .optional("maxConcurrentJobs", INTEGER, 100)
                    .optional("requestsPerSecond", INTEGER, null)
                    .optional("includedTheHiveOrganisations", STRING_LIST, null)
                    .optional("excludedTheHiveOrganisations", STRING_LIST, null), false)
            .optional("refreshDelay", DURATION, Duration.ofSeconds(5))
            .optional("maxRetryOnError", INTEGER, 3)
            .optional("statusCheckInterval", DURATION, Duration.ofMinutes(1))
            .optional("jobTimeout", DURATION, Duration.ofHours(3))
            .rule((block, errors) -> {
                Set<String> names = new HashSet<>();
                for (ConfigBlock s : block.blocks("servers")) {
                    if (s.has("name") && !names.add(s.string("name"))) {
                        errors.add("two servers are named '" + s.string("name") + "'; cortexId must be unique");
                    }
                    if (s.has("requestsPerSecond") && s.integer("requestsPerSecond") == 0) {
                        errors.add(s.path() + ".requestsPerSecond must be at least 1 (leave it out for no limit)");
                    }
                }
                if (block.has("refreshDelay") && block.duration("refreshDelay").toMillis() < 100) {
                    errors.add("refreshDelay must be at least 100 milliseconds");
                }
                if (block.has("statusCheckInterval") && block.duration("statusCheckInterval").toMillis() < 100) {
                    errors.add("statusCheckInterval must be at least 100 milliseconds");
                }
            });

    /** @throws io.sightline.server.connectors.config.ConnectorConfigException listing every problem */
    public static CortexSettings read(ConfigurableEnvironment env) {
        ConfigBlock block = ConnectorConfigReader.read(env, "cortex", SPEC);
        List<Server> servers = block.blocks("servers").stream().map(CortexSettings::server).toList();
        return new CortexSettings(block.present() && !servers.isEmpty(), servers, block.duration("refreshDelay"),
                block.integer("maxRetryOnError"), block.duration("statusCheckInterval"), block.duration("jobTimeout"));
    }

    private static Server server(ConfigBlock s) {
        String name = s.string("name");
        HttpTargetConfig.Builder target = HttpServerSettings.toTarget("cortex:" + name, s, "bearer").toBuilder();
        HttpTargetConfig base = target.build();
        target.retry(new RetryPolicy(base.retry().maxAttempts(), base.retry().initialBackoff(), base.retry().maxBackoff(),
                MAX_INLINE_RETRY_AFTER));
        s.optionalInteger("requestsPerSecond").ifPresent(rps -> target.rateLimit(RateLimit.perSecond(rps)));
        List<String> included = s.strings("includedTheHiveOrganisations");
        return new Server(name, s.uri("url").toString(), target.build(), s.integer("maxConcurrentJobs"),
                Set.copyOf(included.isEmpty() ? List.of("*") : included),
                Set.copyOf(s.strings("excludedTheHiveOrganisations")),
                s.block("auth").optionalString("key").or(() -> s.block("auth").optionalString("password")).orElse(null));
    }
}
