package io.sightline.integrations.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets from text before it reaches an exception message, a stored status or a log
 * line. A secret is masked whatever its letter case (a remote may echo a key lower-cased) and
 * also in its URL-encoded forms. Immutable and thread-safe; {@link #with(String)} gives a copy
 * knowing one more secret.
 */
public final class Redactor {

    public static final String MASK = "****";
    /** Shorter values would mask ordinary words. */
    private static final int MIN_SECRET_LENGTH = 3;
    private static final Pattern SECRET_QUERY_PARAM = Pattern.compile(
            "(?i)([?&](?:api[_-]?key|apikey|key|token|access_token|auth|password|secret)=)[^&#]*");

    private final List<String> secrets;
    private final Pattern pattern;

    public Redactor(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_SECRET_LENGTH).distinct().toList();
        this.pattern = compile(this.secrets);
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** This redactor plus {@code secret} (ignored when null or too short to mask safely). */
    public Redactor with(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secrets.contains(secret)) return this;
        List<String> more = new ArrayList<>(secrets);
        more.add(secret);
        return new Redactor(more);
    }

    public String scrub(String text) {
        if (text == null || pattern == null) {
            return text;
        }
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    }

    /** The URL as it may be shown: known secrets and secret-looking query parameters masked. */
    public String url(URI uri) {
        return SECRET_QUERY_PARAM.matcher(scrub(uri.toString())).replaceAll("$1" + MASK);
    }

    /** One case-insensitive alternation of every form of every secret, longest first so a longer form wins. */
    private static Pattern compile(List<String> secrets) {
        if (secrets.isEmpty()) return null;
        Set<String> forms = new LinkedHashSet<>();
        for (String s : secrets) {
            forms.add(s);
            String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
            forms.add(encoded);
            forms.add(encoded.replace("+", "%20"));
        }
        String alternation = forms.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile(alternation, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
