package io.sightline.integrations.stixify;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connector state, in the original connector's document format so that switching between the
 * Python and the Java connector keeps progress:
 * <pre>{"dossiers": {"&lt;dossier id&gt;": {"last_run_at": "2026-02-18T15:24:00.123456+00:00"}}}</pre>
 * Keys this class does not use (the 2025 connector's top-level {@code last_run} and per-dossier
 * {@code latest_report}) are kept as they are. A dossier with {@code latest_report} but no
 * {@code last_run_at} resumes from that timestamp instead of re-importing its whole history.
 * Reports that failed are counted per dossier under {@code failed_reports} (see
 * {@link ReportFailure}); the Python connector ignores that key. Immutable.
 */
public final class SyncState {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String DOSSIERS = "dossiers";
    private static final String LAST_RUN_AT = "last_run_at";
    private static final String LEGACY_LATEST_REPORT = "latest_report";
    private static final String FAILED_REPORTS = "failed_reports";

    private final ObjectNode document;

    private SyncState(ObjectNode document) {
        this.document = document;
    }

    /** No state: every dossier is synced from the beginning. */
    public static SyncState empty() {
        ObjectNode document = MAPPER.createObjectNode();
        document.putObject(DOSSIERS);
        return new SyncState(document);
    }

    /**
     * Reads a stored state. Null, blank, {@code null} and {@code {}} (how OpenCTI hands back a reset
     * state) give {@link #empty()}; a document without a {@code dossiers} object is treated as one
     * with no dossier.
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static SyncState parse(String json) {
        if (json == null || json.isBlank()) return empty();
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the stored connector state is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) return empty();
        if (!node.isObject()) throw new IllegalArgumentException("the stored connector state is not a JSON object: " + node.getNodeType());
        ObjectNode document = (ObjectNode) node;
        if (!document.path(DOSSIERS).isObject()) document.putObject(DOSSIERS);
        return new SyncState(document);
    }

    /**
     * Where the next sync of a dossier starts: its {@code last_run_at}, else a legacy
     * {@code latest_report} timestamp, else empty (full sync). An unreadable timestamp counts as
     * absent.
     */
    public Optional<Instant> cursor(String dossierId) {
        JsonNode dossier = document.path(DOSSIERS).path(dossierId);
        Optional<Instant> lastRun = timestamp(dossier.get(LAST_RUN_AT));
        return lastRun.isPresent() ? lastRun : timestamp(dossier.get(LEGACY_LATEST_REPORT));
    }

    /** A copy with the dossier's {@code last_run_at} set to {@code cursor}. */
    public SyncState withCursor(String dossierId, Instant cursor) {
        ObjectNode copy = document.deepCopy();
        ObjectNode dossiers = (ObjectNode) copy.get(DOSSIERS);
        JsonNode existing = dossiers.get(dossierId);
        ObjectNode dossier = existing != null && existing.isObject() ? (ObjectNode) existing : dossiers.putObject(dossierId);
        dossier.put(LAST_RUN_AT, StixifyTimestamps.format(cursor));
        return new SyncState(copy);
    }

    /** The dossier's failed and set-aside reports, by report id. */
    public Map<String, ReportFailure> reportFailures(String dossierId) {
        Map<String, ReportFailure> out = new LinkedHashMap<>();
        JsonNode failed = document.path(DOSSIERS).path(dossierId).path(FAILED_REPORTS);
        for (Map.Entry<String, JsonNode> e : failed.properties()) {
            JsonNode f = e.getValue();
            out.put(e.getKey(), new ReportFailure(e.getKey(), f.path("name").asString(""), f.path("failed_runs").asInt(0),
                    f.path("last_error").asString(""), timestamp(f.get("last_failed_at")).orElse(null),
                    f.path("set_aside").asBoolean(false)));
        }
        return out;
    }

    /** A copy with the dossier's failed reports replaced by {@code failures} (none: the key is removed). */
    public SyncState withReportFailures(String dossierId, Collection<ReportFailure> failures) {
        ObjectNode copy = document.deepCopy();
        ObjectNode dossiers = (ObjectNode) copy.get(DOSSIERS);
        JsonNode existing = dossiers.get(dossierId);
        if (failures.isEmpty() && (existing == null || !existing.isObject())) return new SyncState(copy);
        ObjectNode dossier = existing != null && existing.isObject() ? (ObjectNode) existing : dossiers.putObject(dossierId);
        dossier.remove(FAILED_REPORTS);
        if (failures.isEmpty()) return new SyncState(copy);
        ObjectNode failed = dossier.putObject(FAILED_REPORTS);
        for (ReportFailure f : failures) {
            ObjectNode node = failed.putObject(f.reportId()).put("name", f.name()).put("failed_runs", f.failedRuns())
                    .put("last_error", f.lastError()).put("set_aside", f.setAside());
            if (f.lastFailedAt() != null) node.put("last_failed_at", StixifyTimestamps.format(f.lastFailedAt()));
        }
        return new SyncState(copy);
    }

    /** Ids of the dossiers the state knows. */
    public Set<String> dossierIds() {
        return new LinkedHashSet<>(document.path(DOSSIERS).propertyNames());
    }

    /** The document as compact JSON, ready to store. */
    public String toJson() {
        return document.toString();
    }

    /** A copy of the document. */
    public ObjectNode toJsonNode() {
        return document.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyncState state && state.document.equals(document);
    }

    @Override
    public int hashCode() {
        return document.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    private static Optional<Instant> timestamp(JsonNode value) {
        if (value == null || !value.isString()) return Optional.empty();
        try {
            return Optional.of(StixifyTimestamps.parse(value.stringValue()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
