package io.sightline.server.connectors.stixify;

import io.sightline.integrations.opencti.MqSettings;
import io.sightline.server.connectors.config.ConfigBlock;
import io.sightline.server.connectors.config.ConfigSpec;
import io.sightline.server.connectors.config.ConnectorConfigReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The validated {@code stixify} block of the hub's configuration. Keys match with Spring's relaxed
 * rules, so the standalone connector's {@code config.yml} spellings ({@code base_url},
 * {@code api_key}, {@code dossier_ids}, {@code interval_hours}) and the camel-case ones are the same
 * keys. {@link #toString()} never shows the API key or the OpenCTI token.
 *
 * @param baseUrl      Stixify API root, e.g. {@code https://api.stixify.com/}
 * @param apiKey       sent as the {@code API-KEY} header
 * @param dossierIds   the dossiers to sync, trimmed, without repeats; one hub partition each
 * @param interval     time between the end of a dossier's sync and the next one
 * @param initialDelay delay of the first sync after start (0: at once)
 * @param opencti      where reports are also delivered, if configured
 */
public record StixifySettings(URI baseUrl, String apiKey, List<String> dossierIds, Duration interval, Duration initialDelay,
                              Optional<OpenCtiTargetSettings> opencti) {
    public static final String BLOCK = "stixify";
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    static final ConfigSpec MQ = ConfigSpec.create()
            .optional("host", ConfigSpec.Type.STRING, null)
            .optional("port", ConfigSpec.Type.INTEGER, null)
            .optional("vhost", ConfigSpec.Type.STRING, null)
            .optional("useSsl", ConfigSpec.Type.BOOLEAN, null)
            .optional("user", ConfigSpec.Type.STRING, null)
            .optional("password", ConfigSpec.Type.SECRET, null, "pass");

    static final ConfigSpec OPENCTI = ConfigSpec.create()
            .required("url", ConfigSpec.Type.URL)
            .required("token", ConfigSpec.Type.SECRET)
            .required("connectorId", ConfigSpec.Type.STRING)
            .optional("connectorName", ConfigSpec.Type.STRING, "Sightline Stixify")
            .optional("connectorScope", ConfigSpec.Type.STRING_LIST, null)
            .choice("queueProtocol", "amqp", List.of("amqp", "api"))
            .optional("queueMessageMaxBytes", ConfigSpec.Type.INTEGER, (int) OpenCtiTargetSettings.DEFAULT_MAX_MESSAGE_BYTES)
            .optional("sslVerify", ConfigSpec.Type.BOOLEAN, true)
            .block("mq", MQ)
            .rule((block, errors) -> {
                String id = block.optionalString("connectorId").orElse(null);
                if (id != null && !isUuid(id)) errors.add("connectorId: '" + id + "' is not a UUID");
                if (block.present() && block.block("mq").optionalInteger("port").filter(p -> p < 1 || p > 65535).isPresent()) {
                    errors.add("mq.port: must be between 1 and 65535");
                }
                if (block.optionalInteger("queueMessageMaxBytes").filter(n -> n < 65_536).isPresent()) {
                    errors.add("queueMessageMaxBytes: must be at least 65536");
                }
            });

    static final ConfigSpec SPEC = ConfigSpec.create()
            .required("baseUrl", ConfigSpec.Type.URL)
            .required("apiKey", ConfigSpec.Type.SECRET)
            .required("dossierIds", ConfigSpec.Type.STRING_LIST)
            .optional("interval", ConfigSpec.Type.DURATION, null)
            .optional("intervalHours", ConfigSpec.Type.INTEGER, null)
            .optional("initialDelay", ConfigSpec.Type.DURATION, Duration.ZERO, "syncInitialDelay")
            .block("opencti", OPENCTI)
            .rule((block, errors) -> {
                if (block.has("interval") && block.has("intervalHours")) {
                    errors.add("interval and intervalHours are the same setting; keep only one");
                }
                if (block.optionalInteger("intervalHours").filter(h -> h == 0).isPresent()) {
                    errors.add("intervalHours: must be at least 1");
                }
                if (block.optionalDuration("interval").filter(d -> d.isZero() || d.isNegative()).isPresent()) {
                    errors.add("interval: must be positive");
                }
                if (block.present() && block.has("dossierIds") && dossierIds(block.strings("dossierIds")).isEmpty()) {
                    errors.add("dossierIds: at least one dossier id is required");
                }
            });

    public StixifySettings {
        dossierIds = List.copyOf(dossierIds);
    }

    /**
     * Reads the {@code stixify} block; empty when it is absent (the connector is then disabled).
     *
     * @throws io.sightline.server.connectors.config.ConnectorConfigException listing every problem
     */
    public static Optional<StixifySettings> read(ConfigurableEnvironment env) {
        ConfigBlock block = ConnectorConfigReader.read(env, BLOCK, SPEC);
        if (!block.present()) return Optional.empty();
        Duration interval = block.optionalDuration("interval")
                .or(() -> block.optionalInteger("intervalHours").map(h -> Duration.ofHours(h)))
                .orElse(DEFAULT_INTERVAL);
        ConfigBlock opencti = block.block("opencti");
        return Optional.of(new StixifySettings(block.uri("baseUrl"), block.string("apiKey"), dossierIds(block.strings("dossierIds")),
                interval, block.duration("initialDelay"), opencti.present() ? Optional.of(openCti(opencti)) : Optional.empty()));
    }

    private static OpenCtiTargetSettings openCti(ConfigBlock b) {
        ConfigBlock mq = b.block("mq");
        MqSettings.MqOverrides overrides = new MqSettings.MqOverrides(mq.optionalString("host").orElse(null),
                mq.optionalInteger("port").orElse(null), mq.optionalString("vhost").orElse(null),
                mq.has("useSsl") ? mq.bool("useSsl") : null, mq.optionalString("user").orElse(null),
                mq.optionalString("password").orElse(null));
        List<String> scope = b.strings("connectorScope").isEmpty() ? List.of("stixify") : b.strings("connectorScope");
        return new OpenCtiTargetSettings(b.uri("url"), b.string("token"), b.string("connectorId"), b.string("connectorName"),
                scope, b.string("queueProtocol").equalsIgnoreCase("amqp"), b.integer("queueMessageMaxBytes"), b.bool("sslVerify"),
                overrides);
    }

    /** Trims each id, also splitting list elements that hold comma-separated ids; drops empties and repeats. */
    static List<String> dossierIds(List<String> raw) {
        Set<String> ids = new LinkedHashSet<>();
        for (String element : raw) {
            for (String part : element.split(",")) {
                String id = part.strip();
                if (!id.isEmpty()) ids.add(id);
            }
        }
        return new ArrayList<>(ids);
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s.strip()).toString().equalsIgnoreCase(s.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "StixifySettings[baseUrl=" + baseUrl + ", apiKey=****, dossierIds=" + dossierIds + ", interval=" + interval
                + ", initialDelay=" + initialDelay + ", opencti=" + opencti + "]";
    }
}
