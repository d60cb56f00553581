package io.sightline.server.common;

import io.sightline.server.core.Invalid;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The observable data types — the configured built-ins and the custom ones admins define — and the
 * check of a value against its type, so that an "ip" that is not an IP address never enters a case
 * (and never reaches an analyzer). Custom types are read through {@link CustomObservableTypeSource}
 * and kept in memory: every observable is checked here, so a check must not cost a query.
 */
@Component
public class ObservableTypes {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-zA-Z0-9_](?:[a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\\.)*[a-zA-Z0-9_](?:[a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\\.?");
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");
    /** TheHive also takes a URL without its scheme: a host (name or IPv4), maybe a port, then a path or query. */
    private static final Pattern URL_WITHOUT_SCHEME = Pattern.compile("([^/?#:\\s]+)(:\\d{1,5})?([/?#]\\S*)?");
    private static final Pattern AS = Pattern.compile("(?i)(AS)?\\d{1,10}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Set<Integer> HASH_LENGTHS = Set.of(32, 40, 56, 64, 96, 128);
    private static final Set<String> LETTER_CASE_FREE = Set.of("domain", "fqdn", "hostname", "mail", "ip", "hash");

    /** How long another hub's change to the custom types may go unseen here. */
    private static final long MAX_AGE_NANOS = 10_000_000_000L;

    private final Set<String> types;
    private final CustomObservableTypeSource source;
    private volatile Map<String, Boolean> custom = Map.of();
    private volatile long loadedAt;
    private volatile boolean loaded;

    /** Built-ins only, no custom types (for checks outside the hub's context). */
    public ObservableTypes(List<String> configured) {
        this(configured, null);
    }

    @Autowired
    public ObservableTypes(@Value("${sightline.observable-types}") List<String> configured, CustomObservableTypeSource source) {
        this.types = new LinkedHashSet<>();
        for (String t : configured) types.add(t.trim());
        this.source = source;
    }

    /** Built-in types first, then custom ones. */
    public Set<String> all() {
        Set<String> all = new LinkedHashSet<>(types);
        all.addAll(custom().keySet());
        return all;
    }

    public boolean isBuiltIn(String dataType) {
        return types.contains(dataType);
    }

    /** Whether an observable of this type is a file (uploaded) rather than a value. */
    public boolean isAttachment(String dataType) {
        return "file".equals(dataType) || custom().getOrDefault(dataType, false);
    }

    public String requireKnown(String dataType) {
        if (!types.contains(dataType) && !custom().containsKey(dataType)) {
            throw new Invalid("Unknown dataType '" + dataType + "'; known types: " + String.join(", ", all()));
        }
        return dataType;
    }

    /** Reads the custom types again; called after a committed change on this hub. */
    public void refresh() {
        if (source == null) return;
        custom = Map.copyOf(source.load());
        loadedAt = System.nanoTime();
        loaded = true;
    }

    private Map<String, Boolean> custom() {
        if (source != null && (!loaded || System.nanoTime() - loadedAt > MAX_AGE_NANOS)) refresh();
        return custom;
    }

    /**
     * Whether two values of this type that differ only in letter case name the same thing (a domain,
     * a mail address, an IPv6 address, a hash): such values are stored as typed, and merging a case's
     * similar observables joins them.
     */
    public static boolean ignoresLetterCase(String dataType) {
        return LETTER_CASE_FREE.contains(dataType);
    }

    /** Returns the value to store (trimmed; hashes lower-cased) or explains why it is invalid. */
    public String normalise(String dataType, String raw) {
        String v = raw.trim();
        if (v.isEmpty()) throw new Invalid("Observable data of type " + dataType + " must not be empty");
        switch (dataType) {
            case "ip" -> {
                if (!isIp(v)) throw invalid(dataType, v, "an IPv4 or IPv6 address");
            }
            case "hash" -> {
                if (!HEX.matcher(v).matches() || !HASH_LENGTHS.contains(v.length())) {
                    throw invalid(dataType, v, "hexadecimal MD5 (32), SHA-1 (40), SHA-224, SHA-256 (64), SHA-384 or SHA-512 (128)");
                }
                v = v.toLowerCase(Locale.ROOT);
            }
            case "domain", "fqdn", "hostname" -> {
                if (!DOMAIN.matcher(v).matches() || isIp(v)) throw invalid(dataType, v, "a domain name");
            }
            case "mail" -> {
                if (!MAIL.matcher(v).matches()) throw invalid(dataType, v, "an e-mail address");
            }
            case "url" -> {
                if (!URL.matcher(v).matches() && !isUrlWithoutScheme(v)) {
                    throw invalid(dataType, v, "a URL, such as https://example.com/path or example.com/path");
                }
            }
            case "autonomous-system" -> {
                if (!AS.matcher(v).matches()) throw invalid(dataType, v, "an AS number such as AS13335");
            }
            case "uri_path" -> {
                if (!v.startsWith("/")) throw invalid(dataType, v, "a path starting with /");
            }
            default -> { }
        }
        return v;
    }

    private static boolean isUrlWithoutScheme(String v) {
        var m = URL_WITHOUT_SCHEME.matcher(v);
        if (!m.matches()) return false;
        String host = m.group(1);
        return isIpv4(host) || (host.contains(".") && DOMAIN.matcher(host).matches());
    }

    static boolean isIp(String v) {
        if (v.indexOf(':') < 0) return isIpv4(v);
        if (v.length() > 45 || !IPV6_CHARS.matcher(v).matches()) return false;
        try {
            return java.net.InetAddress.getByName(v) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Dotted decimal: four parts of one to three digits, each at most 255 (read without a regex: imports check millions). */
    static boolean isIpv4(String v) {
        int dots = 0, digits = 0, part = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.') {
                if (digits == 0 || ++dots > 3) return false;
                digits = 0;
                part = 0;
            } else if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) return false;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }

    private static Invalid invalid(String dataType, String value, String expected) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return new Invalid("Invalid " + dataType + " observable '" + shown + "': expected " + expected);
    }
}
