package io.sightline.server.connectors.misp;

import io.sightline.integrations.misp.MispEventQuery;

import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.server.connectors.config.ConfigBlock;
import io.sightline.server.connectors.misp.importing.ServerImport;
import io.sightline.server.connectors.config.ConfigSpec;
import io.sightline.server.connectors.config.HttpServerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static io.sightline.server.connectors.config.ConfigSpec.Type.BOOLEAN;
import static io.sightline.server.connectors.config.ConfigSpec.Type.DURATION;
import static io.sightline.server.connectors.config.ConfigSpec.Type.INTEGER;
import static io.sightline.server.connectors.config.ConfigSpec.Type.STRING;
import static io.sightline.server.connectors.config.ConfigSpec.Type.STRING_LIST;

/**
 * The {@code misp} block: TheHive 4's keys in both their documented and their code spellings
 * (reference {@code misp.md} §3), plus Sightline's own per-server options. Unknown keys are
 * errors (the runtime's strict reader).
 */
public final class MispSettings {
    static final List<String> PURPOSES = List.of("ImportAndExport", "ImportOnly", "ExportOnly", "both", "import", "export");

    private MispSettings() {}

    static ConfigSpec spec() {
        ConfigSpec filters = ConfigSpec.create()
                .optional("organisations", STRING_LIST, null, "organisation", "orgs")
                .optional("tags", STRING_LIST, null);
        ConfigSpec server = HttpServerSettings.serverSpec("key")
                .choice("purpose", "ImportAndExport", PURPOSES)
                .optional("maxAge", DURATION, null)
                .optional("maxAttributes", INTEGER, null)
                .optional("caseTemplate", STRING, null)
                .optional("tags", STRING_LIST, null, "extraTags")
                .optional("exportCaseTags", BOOLEAN, false)
                .optional("exportObservableTags", BOOLEAN, false)
                .optional("publishedOnly", BOOLEAN, false)
                .optional("includedTheHiveOrganisations", STRING_LIST, null)
                .optional("excludedTheHiveOrganisations", STRING_LIST, null)
                .block("whitelist", filters, "include")
                .block("exclusion", filters, "exclude")
                .rule((s, errors) -> {
                    if (s.optionalString("caseTemplate").filter(t -> !t.isBlank()).isPresent()) {
                        errors.add("caseTemplate: Sightline has no case templates yet, so alerts cannot be bound to '"
                                + s.string("caseTemplate") + "'; remove the key or leave it empty");
                    }
                    if (s.optionalInteger("maxAttributes").filter(n -> n < 1).isPresent()) {
                        errors.add("maxAttributes must be at least 1");
                    }
                });
        return ConfigSpec.create()
                .optional("interval", DURATION, Duration.ofHours(1), "syncInterval")
                .optional("syncInitialDelay", DURATION, Duration.ZERO)
                .optional("checkStatusInterval", DURATION, Duration.ofMinutes(5))
                .optional("batchSize", INTEGER, 1000)
                .blockList("servers", server, false)
                .rule((m, errors) -> {
                    List<String> names = m.blocks("servers").stream().map(b -> b.string("name")).toList();
                    if (names.stream().distinct().count() != names.size()) {
                        errors.add("servers: two servers share a name; names must be unique " + names);
                    }
                    if (m.integer("batchSize") < 1 || m.integer("batchSize") > 1500) {
                        errors.add("batchSize must be between 1 and 1500");
                    }
                });
    }

    /** One server, ready to use; holds no secret in its string form. */
    public record Server(String name, String url, boolean importing, boolean exporting, String purposeLabel,
                  Duration maxAge, Integer maxAttributes, List<String> extraTags, boolean exportCaseTags,
                  boolean exportObservableTags, boolean publishedOnly, List<String> includeTags, List<String> excludeTags,
                  List<String> includeOrgs, List<String> excludeOrgs, List<String> includedHubOrgs,
                  List<String> excludedHubOrgs, HttpTargetConfig target) implements ServerImport.Source {

        static Server of(ConfigBlock s) {
            String purpose = normalisedPurpose(s.string("purpose"));
            String name = s.string("name");
            return new Server(name, s.uri("url").toString().replaceAll("/+$", ""), !purpose.equals("ExportOnly"),
                    !purpose.equals("ImportOnly"), purpose, s.optionalDuration("maxAge").orElse(null),
                    s.optionalInteger("maxAttributes").orElse(null), s.strings("tags"), s.bool("exportCaseTags"),
                    s.bool("exportObservableTags"), s.bool("publishedOnly"), s.block("whitelist").strings("tags"),
                    s.block("exclusion").strings("tags"), s.block("whitelist").strings("organisations"),
                    s.block("exclusion").strings("organisations"),
                    s.strings("includedTheHiveOrganisations").isEmpty() ? List.of("*") : s.strings("includedTheHiveOrganisations"),
                    s.strings("excludedTheHiveOrganisations"), HttpServerSettings.toTarget("misp:" + name, s, "key"));
        }

        @Override
        public MispEventQuery query(Instant since) {
            return MispEventQuery.builder().since(since).maxAge(maxAge).includeTags(includeTags).excludeTags(excludeTags)
                    .includeOrgs(includeOrgs).excludeOrgs(excludeOrgs).publishedOnly(publishedOnly ? Boolean.TRUE : null)
                    .maxAttributes(maxAttributes).build();
        }

        /** Whether alerts of this server go to a hub organisation (TheHive's included/excluded lists, {@code *} for all). */
        @Override
        public boolean servesOrganisation(String org) {
            boolean included = includedHubOrgs.contains("*") || includedHubOrgs.contains(org);
            return included && !excludedHubOrgs.contains(org);
        }

        @Override
        public String toString() {
            return "MISP server " + name + " (" + url + ", " + purposeLabel + ")";
        }
    }

    /** TheHive's labels, whatever spelling was configured. */
    static String normalisedPurpose(String purpose) {
        return switch (purpose.toLowerCase(Locale.ROOT)) {
            case "importonly", "import" -> "ImportOnly";
            case "exportonly", "export" -> "ExportOnly";
            default -> "ImportAndExport";
        };
    }
}
