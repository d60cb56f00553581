package io.sightline.integrations.stixify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run of Stixify dossiers into a {@link ReportSink}: the algorithm of the original OpenCTI
 * Stixify connector ({@code run_once}) with its defects fixed.
 * <ol>
 *   <li>List the dossiers visible to the key and keep the configured ones; configured ids that are
 *       not listed are reported (and logged) instead of silently ignored.</li>
 *   <li>For each kept dossier: note the time <em>before</em> listing (reports added during the run
 *       are picked up next time), list the reports added after the dossier's cursor, and hand each
 *       report's objects, streamed page by page, to the sink — one delivery per report.</li>
 *   <li>Only when every listed report was delivered does the cursor move, to
 *       {@code max(run start, previous cursor)} compared as instants; the state is saved at once.
 *       A failed report is therefore listed again on the next run (the reports delivered alongside
 *       it are re-sent too, which OpenCTI and the intel store absorb as upserts by STIX id).</li>
 * </ol>
 * Failures of one report or one dossier never stop the others; an interrupted thread stops the run
 * after the current report, without moving that dossier's cursor. Listing the dossiers failing
 * fails the run (the exception propagates). Not thread-safe: run one sync at a time per state store.
 */
public final class DossierSync {
    private static final Logger LOG = LoggerFactory.getLogger(DossierSync.class);

    private final StixifyClient client;
    private final ReportSink sink;
    private final SyncStateStore stateStore;
    private final List<String> dossierIds;
    private final Clock clock;

    /**
     * @param dossierIds the configured dossier ids (trimmed; see {@link #parseDossierIds})
     * @param clock source of the run start time that becomes the cursor
     */
    public DossierSync(StixifyClient client, ReportSink sink, SyncStateStore stateStore, Collection<String> dossierIds, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
        this.dossierIds = List.copyOf(new LinkedHashSet<>(dossierIds));
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.dossierIds.isEmpty()) throw new IllegalArgumentException("at least one dossier id is required");
    }

    /**
     * Splits {@code STIXIFY_DOSSIER_IDS}: comma separated, each id trimmed (the original kept the
     * spaces and so silently skipped {@code "a, b"}'s second id), empty entries and repeats removed.
     */
    public static List<String> parseDossierIds(String commaSeparated) {
        if (commaSeparated == null) return List.of();
        Set<String> ids = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            String id = part.strip();
            if (!id.isEmpty()) ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** Runs one sync of every configured dossier. */
    public SyncResult runOnce() {
        Map<String, Dossier> visible = client.listDossiers().stream()
                .collect(Collectors.toMap(Dossier::id, Function.identity(), (a, b) -> a));
        List<String> invisible = dossierIds.stream().filter(id -> !visible.containsKey(id)).toList();
        if (!invisible.isEmpty()) {
            LOG.warn("Stixify: configured dossier(s) {} are not visible to this API key and are skipped", invisible);
        }
        List<DossierResult> results = new ArrayList<>();
        for (String id : dossierIds) {
            if (Thread.currentThread().isInterrupted()) break; // shutting down: the rest waits for the next run
            Dossier dossier = visible.get(id);
            if (dossier != null) results.add(syncDossier(dossier));
        }
        return new SyncResult(results, invisible);
    }

    private DossierResult syncDossier(Dossier dossier) {
        Instant cursor = null;
        Instant cursorAfter = null;
        List<String> failures = new ArrayList<>();
        int listed = 0;
        int delivered = 0;
        long objects = 0;
        try {
            sink.dossierStarted(dossier);
            cursor = stateStore.load().cursor(dossier.id()).orElse(null);
            cursorAfter = cursor;
            Instant runStart = clock.instant();
            List<StixifyReport> reports = client.listReports(dossier.id(), cursor);
            listed = reports.size();
            LOG.info("Stixify: dossier {} ({}): {} report(s) added after {}", dossier.name(), dossier.id(), listed,
                    cursor == null ? "the beginning" : StixifyTimestamps.format(cursor));
            for (StixifyReport report : reports) {
                try (ReportObjects stream = client.reportObjects(report.id())) {
                    sink.deliver(dossier, report, stream);
                    if (stream.hasNext()) throw new IllegalStateException("the sink returned before reading every object");
                    delivered++;
                    objects += stream.count();
                } catch (Exception e) {
                    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    failures.add("report " + report.id() + " (" + report.name() + "): " + describe(e));
                    LOG.error("Stixify: could not deliver report {} of dossier {}; it will be retried on the next run",
                            report.id(), dossier.id(), e);
                }
                if (Thread.currentThread().isInterrupted()) {
                    failures.add("interrupted before every report was delivered");
                    break;
                }
            }
            if (failures.isEmpty()) {
                Instant advanced = cursor == null || runStart.isAfter(cursor) ? runStart : cursor;
                stateStore.save(stateStore.load().withCursor(dossier.id(), advanced));
                cursorAfter = advanced;
            }
        } catch (RuntimeException e) {
            failures.add("dossier " + dossier.id() + ": " + describe(e));
            LOG.error("Stixify: sync of dossier {} ({}) failed", dossier.name(), dossier.id(), e);
        }
        DossierResult result = new DossierResult(dossier, listed, delivered, objects, failures, cursor, cursorAfter);
        try {
            sink.dossierFinished(dossier, result);
        } catch (RuntimeException e) {
            LOG.error("Stixify: closing the sync of dossier {} failed", dossier.id(), e);
        }
        return result;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
