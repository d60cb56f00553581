package io.sightline.stix.observable;

import io.sightline.stix.StixFormatException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Extracts the observable values a STIX object carries, typed with Sightline/TheHive data types:
 * from an indicator's STIX pattern (every {@code =} / {@code IN} comparison on a known object path,
 * whatever the AND / OR structure) and from cyber-observables (ipv4/ipv6-addr, domain-name,
 * hostname, url, email-addr, file hashes and name, artifact and certificate hashes,
 * autonomous-system, mac-addr, mutex, windows-registry-key, user-agent, and the User-Agent header of
 * a network-traffic HTTP request). Other objects give nothing. Results are de-duplicated and keep
 * the order of first appearance. Stateless and thread-safe.
 */
public final class ObservableExtractor {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*(/\\d{1,3})?");
    private static final Map<String, String> VALUE_TYPES = Map.of(
            "ipv4-addr", Observable.IP, "ipv6-addr", Observable.IP, "domain-name", Observable.DOMAIN,
            "hostname", Observable.DOMAIN, "url", Observable.URL, "email-addr", Observable.MAIL,
            "mac-addr", Observable.OTHER, "user-agent", Observable.USER_AGENT);

    private ObservableExtractor() {}

    /** Observables of any STIX object: indicator patterns and cyber-observables; empty otherwise. */
    public static List<Observable> extract(JsonNode stixObject) {
        String type = stixObject.path("type").asString("");
        if (type.equals("indicator")) {
            String patternType = stixObject.path("pattern_type").asString("stix");
            JsonNode pattern = stixObject.get("pattern");
            if (!patternType.equalsIgnoreCase("stix") || pattern == null || !pattern.isString()) return List.of();
            try {
                return fromPattern(pattern.stringValue());
            } catch (StixFormatException e) {
                return List.of(); // a pattern OpenCTI would reject too; it carries no usable value
            }
        }
        return fromSco(stixObject);
    }

    /**
     * Observables named by a STIX pattern, e.g. {@code [ipv4-addr:value = '1.2.3.4'] OR
     * [file:hashes.'SHA-256' = '...']}.
     *
     * @throws StixFormatException if the pattern is malformed
     */
    public static List<Observable> fromPattern(String pattern) {
        Set<Observable> found = new LinkedHashSet<>();
        for (StixPatternScanner.Comparison comparison : StixPatternScanner.equalities(pattern)) {
            Observable observable = forPath(comparison.objectType(), comparison.propertyPath(), comparison.value());
            if (observable != null) found.add(observable);
        }
        return List.copyOf(found);
    }

    /** Observables of one cyber-observable object. */
    public static List<Observable> fromSco(JsonNode sco) {
        String type = sco.path("type").asString("");
        Set<Observable> found = new LinkedHashSet<>();
        String valueType = VALUE_TYPES.get(type);
        if (valueType != null) add(found, valueType, sco.path("value").asString(""));
        switch (type) {
            case "file", "artifact", "x509-certificate" -> {
                sco.path("hashes").forEach(hash -> add(found, Observable.HASH, hash.asString("").toLowerCase(Locale.ROOT)));
                if (type.equals("file")) add(found, Observable.FILENAME, sco.path("name").asString(""));
            }
            case "autonomous-system" -> add(found, Observable.AUTONOMOUS_SYSTEM, sco.path("number").asString(""));
            case "mutex" -> add(found, Observable.OTHER, sco.path("name").asString(""));
            case "windows-registry-key" -> add(found, Observable.REGISTRY, sco.path("key").asString(""));
            case "network-traffic" -> {
                JsonNode headers = sco.path("extensions").path("http-request-ext").path("request_header");
                headers.forEachEntry((name, value) -> {
                    if (!name.equalsIgnoreCase("User-Agent")) return;
                    // The spec makes header values lists of strings; single strings are seen too.
                    if (value.isArray()) value.forEach(v -> add(found, Observable.USER_AGENT, v.asString("")));
                    else add(found, Observable.USER_AGENT, value.asString(""));
                });
            }
            default -> { }
        }
        return List.copyOf(found);
    }

    private static Observable forPath(String objectType, String path, String value) {
        if (value.isEmpty()) return null;
        if (path.equals("value") && VALUE_TYPES.containsKey(objectType)) return new Observable(VALUE_TYPES.get(objectType), value);
        if (path.startsWith("hashes.") && (objectType.equals("file") || objectType.equals("artifact") || objectType.equals("x509-certificate"))) {
            return new Observable(Observable.HASH, value.toLowerCase(Locale.ROOT));
        }
        if (objectType.equals("file") && path.equals("name")) return new Observable(Observable.FILENAME, value);
        if (objectType.equals("autonomous-system") && path.equals("number")) return new Observable(Observable.AUTONOMOUS_SYSTEM, value);
        if (objectType.equals("windows-registry-key") && path.equals("key")) return new Observable(Observable.REGISTRY, value);
        if (objectType.equals("mutex") && path.equals("name")) return new Observable(Observable.OTHER, value);
        if (objectType.equals("network-traffic") && path.toLowerCase(Locale.ROOT).endsWith("request_header.'user-agent'")) {
            return new Observable(Observable.USER_AGENT, value);
        }
        if (isReferencedValue(path)) return new Observable(inferType(value), value);
        return null;
    }

    /** {@code dst_ref.value}, {@code to_refs[*].value}, {@code resolves_to_refs[0].value}, ... */
    private static boolean isReferencedValue(String path) {
        return path.matches("[a-z_]+_refs?(\\[[^]]*])?\\.value");
    }

    /** The type of a value reached through a reference, whose object type the path does not say. */
    private static String inferType(String value) {
        if (IPV4.matcher(value).matches() || (value.contains(":") && IPV6.matcher(value).matches())) return Observable.IP;
        if (value.contains("@")) return Observable.MAIL;
        if (value.contains("://")) return Observable.URL;
        return Observable.DOMAIN;
    }

    private static void add(Set<Observable> found, String dataType, String value) {
        if (!value.isBlank()) found.add(new Observable(dataType, value));
    }

    /** All observables of many objects, in order, without repeats. */
    public static List<Observable> extractAll(Iterable<? extends JsonNode> objects) {
        Set<Observable> found = new LinkedHashSet<>();
        for (JsonNode object : objects) found.addAll(extract(object));
        return new ArrayList<>(found);
    }
}
