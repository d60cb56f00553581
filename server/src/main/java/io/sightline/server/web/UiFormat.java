package io.sightline.server.web;

import io.sightline.server.cases.CaseView;
import io.sightline.server.common.Tlp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formatting helpers for templates ({@code @fmt.date(...)}). Dates are shown in UTC, as stored. */
@Component("fmt")
public class UiFormat {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final java.util.regex.Pattern WEB_LINK = java.util.regex.Pattern.compile("(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?");
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String date(Object epochMillis) {
        if (!(epochMillis instanceof Number n)) return "";
        return DATE_TIME.format(Instant.ofEpochMilli(n.longValue()));
    }

    /** Epoch millis as a date, or any other value as it is (connectors may report text). */
    /** An audit entry's time as read: "7 Dec 2026 at 14:05 UTC". */
    public String readable(long epochMillis) {
        return io.sightline.server.audit.AuditSentences.readable(epochMillis);
    }

    /** The exact time, to the second, shown on hover: "2026-12-07 14:05:31 UTC". */
    public String exact(long epochMillis) {
        return EXACT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** ISO-8601 for a time element's datetime attribute. */
    public String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    public String dateOrText(Object value) {
        if (value == null) return "";
        return value instanceof Number ? date(value) : String.valueOf(value);
    }

    public String day(Object epochMillis) {
        if (!(epochMillis instanceof Number n)) return "";
        return DATE.format(Instant.ofEpochMilli(n.longValue()));
    }

    public String severity(Object severity) {
        return severity instanceof Number n ? CaseView.severityLabel(n.intValue()) : "";
    }

    public String tlp(Object tlp) {
        return tlp instanceof Number n ? "TLP:" + Tlp.of(n.intValue()).label() : "";
    }

    /** CSS class of a TLP badge. */
    public String tlpClass(Object tlp) {
        return tlp instanceof Number n ? "tlp tlp-" + Tlp.of(n.intValue()).name().toLowerCase().replace('_', '-') : "tlp";
    }

    public String severityClass(Object severity) {
        return "sev sev-" + severity(severity).toLowerCase();
    }

    /**
     * A source link to make clickable: an absolute http or https URL with a host, else null, so
     * that a link of another scheme (javascript:, data:, file:) sent by a feed stays plain text.
     */
    public static String webLink(Object value) {
        if (!(value instanceof String s)) return null;
        String link = s.trim();
        // the attribute is escaped when rendered; only the scheme and a host need checking here
        return WEB_LINK.matcher(link).matches() ? link : null;
    }

    /** {@link #webLink} for templates. */
    public String link(Object value) {
        return webLink(value);
    }

    /** A file's size as people read it ("12 KB", "3.5 MB"). */
    public String size(long bytes) {
        return FormLimits.size(bytes);
    }

    /** The numeric part of an external id ("~42" gives "42"), for URLs. */
    public String num(Object externalId) {
        String s = String.valueOf(externalId);
        return s.startsWith("~") ? s.substring(1) : s;
    }
}
