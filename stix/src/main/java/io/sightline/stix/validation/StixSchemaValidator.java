package io.sightline.stix.validation;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.InputStreamSource;
import io.sightline.stix.StixObjectReader;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Validates STIX 2.1 objects against the official OASIS JSON schemas (draft 2020-12), object by
 * object with the schema chosen by {@code type}: the bundle schema is not used because its list of
 * object types is incomplete (grouping, incident, location, note, opinion would fail). Objects of
 * custom types are checked against the common core schema (SDO/SRO) or the cyber-observable core,
 * depending on whether they carry {@code created}.
 *
 * <p>The schemas ship in this jar ({@code io/sightline/stix/schemas/}, BSD-3-Clause, licence file
 * alongside); {@link #fromDirectory(Path)} uses another copy instead. Schema references resolve
 * locally; nothing is fetched from the network. Thread-safe.
 */
public final class StixSchemaValidator {
    private static final String ID_PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final Set<String> SROS = Set.of("relationship", "sighting");
    private static final Set<String> COMMON = Set.of("marking-definition", "language-content", "extension-definition");
    private static final Set<String> SCOS = Set.of("artifact", "autonomous-system", "directory", "domain-name", "email-addr",
            "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software",
            "url", "user-account", "windows-registry-key", "x509-certificate");
    private static final Set<String> SDOS = Set.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity",
            "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note",
            "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability");

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private StixSchemaValidator(Function<String, InputStream> opener) {
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaLoader(loader -> loader
                        .fetchRemoteResources(false)
                        .resourceLoaders(loaders -> loaders.add(iri -> source(iri, opener)))));
    }

    /** Uses the schemas shipped in this jar. */
    public static StixSchemaValidator fromClasspath() {
        return new StixSchemaValidator(relative -> StixSchemaValidator.class.getResourceAsStream("/io/sightline/stix/schemas/" + relative));
    }

    /**
     * Uses the schemas of a folder laid out like the OASIS repository's {@code schemas/}
     * ({@code common/}, {@code sdos/}, {@code sros/}, {@code observables/}).
     */
    public static StixSchemaValidator fromDirectory(Path directory) {
        if (!Files.isRegularFile(directory.resolve("common/core.json"))) {
            throw new IllegalArgumentException(directory + " does not hold the STIX schemas (no common/core.json)");
        }
        return new StixSchemaValidator(relative -> {
            Path file = directory.resolve(relative).normalize();
            if (!file.startsWith(directory.normalize()) || !Files.isRegularFile(file)) return null;
            try {
                return Files.newInputStream(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The schema path used for a type, relative to the schema folder, e.g. {@code sdos/report.json}. */
    public static String schemaPathFor(JsonNode object) {
        String type = object.path("type").asString("");
        if (SDOS.contains(type)) return "sdos/" + type + ".json";
        if (SROS.contains(type)) return "sros/" + type + ".json";
        if (SCOS.contains(type)) return "observables/" + type + ".json";
        if (COMMON.contains(type)) return "common/" + type + ".json";
        return object.has("created") ? "common/core.json" : "common/cyber-observable-core.json";
    }

    /** Schema violations of one object; empty when valid. */
    public List<SchemaViolation> validate(JsonNode object) {
        String id = object.path("id").asString("?");
        if (!object.isObject()) return List.of(new SchemaViolation(id, "$", "not a JSON object"));
        Schema schema = schemas.computeIfAbsent(schemaPathFor(object),
                path -> registry.getSchema(SchemaLocation.of(ID_PREFIX + path)));
        List<SchemaViolation> violations = new ArrayList<>();
        for (Error error : schema.validate(object)) {
            violations.add(new SchemaViolation(id, error.getInstanceLocation().toString(), error.getMessage()));
        }
        return violations;
    }

    /** Violations of every object of a bundle (or bare array), read as a stream. */
    public List<SchemaViolation> validateAll(StixObjectReader objects) {
        List<SchemaViolation> violations = new ArrayList<>();
        objects.forEachRemaining(object -> violations.addAll(validate(object)));
        return violations;
    }

    private static InputStreamSource source(AbsoluteIri iri, Function<String, InputStream> opener) {
        String text = iri.toString();
        if (!text.startsWith(ID_PREFIX)) return null;
        String relative = text.substring(ID_PREFIX.length());
        return () -> {
            InputStream in = opener.apply(relative);
            if (in == null) throw new FileNotFoundException("STIX schema not found: " + relative);
            return in;
        };
    }
}
