package io.sightline.integrations.stixify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 *   <li>Failed runs are counted per report in the state (saved also when the cursor stays); after
 *       {@value #FAILED_RUNS_BEFORE_SET_ASIDE} the report is set aside: skipped and no longer
 *       holding the cursor back. Resetting the state forgets the counts and retries it.</li>
 * </ol>
 * Failures of one report or one dossier never stop the others; an interrupted thread stops the run
 * after the current report, without moving that dossier's cursor. Listing the dossiers failing
 * fails the run (the exception propagates). Not thread-safe: run one sync at a time per state store.
 */
public final class DossierSync {
    /** Failed runs after which a report is set aside, so that one bad report cannot pin its dossier. */
    public static final int FAILED_RUNS_BEFORE_SET_ASIDE = 3;
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
        DossierRun run = new DossierRun(dossier);
        try {
            sink.dossierStarted(dossier);
            SyncState state = stateStore.load();
            run.cursor = state.cursor(dossier.id()).orElse(null);
            run.cursorAfter = run.cursor;
            run.recorded.putAll(state.reportFailures(dossier.id()));
            Instant runStart = clock.instant();
            List<StixifyReport> reports = client.listReports(dossier.id(), run.cursor);
            run.listed = reports.size();
            reports.forEach(r -> run.names.put(r.id(), r.name()));
            LOG.info("Stixify: dossier {} ({}): {} report(s) added after {}", dossier.name(), dossier.id(), run.listed,
                    run.cursor == null ? "the beginning" : StixifyTimestamps.format(run.cursor));
            for (StixifyReport report : reports) {
                ReportFailure known = run.recorded.get(report.id());
                if (known != null && known.setAside()) {
                    run.setAside.add(known);
                    LOG.warn("Stixify: report {} ({}) of dossier {} is set aside after {} failed runs and is skipped; "
                            + "reset the state to retry it", report.id(), report.name(), dossier.id(), known.failedRuns());
                    continue;
                }
                Exception error = attempt(dossier, report, run);
                if (error instanceof ReportFailedException earlier && !earlier.reportId().equals(report.id())) {
                    // The failure belongs to the report still publishing: count it there, then send this one again.
                    run.failed(earlier.reportId(), earlier);
                    error = attempt(dossier, report, run);
                }
                if (error instanceof ReportFailedException other) run.failed(other.reportId(), other);
                else if (error != null) run.failed(report.id(), error);
                if (Thread.currentThread().isInterrupted()) {
                    run.failures.add("interrupted before every report was delivered");
                    break;
                }
            }
            if (!Thread.currentThread().isInterrupted()) awaitDelivered(run);
            saveState(dossier, run, runStart);
        } catch (RuntimeException e) {
            run.failures.add("dossier " + dossier.id() + ": " + describe(e));
            LOG.error("Stixify: sync of dossier {} ({}) failed", dossier.name(), dossier.id(), e);
        }
        DossierResult result = new DossierResult(dossier, run.listed, run.delivered.size(),
                run.delivered.values().stream().mapToLong(Long::longValue).sum(), run.failures, run.cursor, run.cursorAfter,
                run.setAside);
        try {
            sink.dossierFinished(dossier, result);
        } catch (RuntimeException e) {
            LOG.error("Stixify: closing the sync of dossier {} failed", dossier.id(), e);
        }
        return result;
    }

    /** Delivers one report; returns the failure, or null once the sink took every object. */
    private Exception attempt(Dossier dossier, StixifyReport report, DossierRun run) {
        try (ReportObjects stream = client.reportObjects(report.id())) {
            sink.deliver(dossier, report, stream);
            if (stream.hasNext()) throw new IllegalStateException("the sink returned before reading every object");
            run.delivered.put(report.id(), stream.count());
            return null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return e;
        }
    }

    private void awaitDelivered(DossierRun run) {
        try {
            sink.awaitDelivered();
        } catch (ReportFailedException e) {
            run.failed(e.reportId(), e);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            run.failures.add("delivery not confirmed: " + describe(e));
            LOG.error("Stixify: delivery of dossier {} was not confirmed", run.dossier.id(), e);
        }
    }

    /**
     * Records the failure counts (so a restart keeps them) and, when nothing but set-aside reports
     * failed, moves the cursor to {@code max(run start, previous cursor)}.
     */
    private void saveState(Dossier dossier, DossierRun run, Instant runStart) {
        run.delivered.keySet().forEach(run.recorded::remove);
        SyncState next = stateStore.load().withReportFailures(dossier.id(), run.recorded.values());
        if (run.failures.isEmpty()) {
            Instant advanced = run.cursor == null || runStart.isAfter(run.cursor) ? runStart : run.cursor;
            stateStore.save(next.withCursor(dossier.id(), advanced));
            run.cursorAfter = advanced;
        } else if (!run.countedNow.isEmpty() || !run.delivered.isEmpty()) {
            try {
                stateStore.save(next);
            } catch (RuntimeException e) {
                LOG.error("Stixify: could not record the failed reports of dossier {}", dossier.id(), e);
            }
        }
    }

    /** What one dossier's sync has seen so far. */
    private static final class DossierRun {
        final Dossier dossier;
        final Map<String, ReportFailure> recorded = new LinkedHashMap<>();
        final Map<String, String> names = new HashMap<>();
        final Map<String, Long> delivered = new LinkedHashMap<>();
        final Set<String> countedNow = new HashSet<>();
        final List<String> failures = new ArrayList<>();
        final List<ReportFailure> setAside = new ArrayList<>();
        Instant cursor;
        Instant cursorAfter;
        int listed;

        DossierRun(Dossier dossier) {
            this.dossier = dossier;
        }

        /** Counts one failed run for the report (once per run); the third sets it aside. */
        void failed(String reportId, Exception e) {
            delivered.remove(reportId);
            if (!countedNow.add(reportId)) return;
            String error = describe(e);
            ReportFailure previous = recorded.get(reportId);
            ReportFailure now = previous != null ? previous.again(error, Instant.now(), FAILED_RUNS_BEFORE_SET_ASIDE)
                    : ReportFailure.first(reportId, names.getOrDefault(reportId, ""), error, Instant.now(), FAILED_RUNS_BEFORE_SET_ASIDE);
            recorded.put(reportId, now);
            if (now.setAside()) {
                setAside.add(now);
                LOG.error("Stixify: report {} ({}) of dossier {} failed on {} runs and is set aside; the dossier moves on "
                        + "(reset the state to retry it): {}", reportId, now.name(), dossier.id(), now.failedRuns(), error, e);
            } else {
                failures.add("report " + reportId + " (" + now.name() + "): " + error + " (failed run " + now.failedRuns()
                        + " of " + FAILED_RUNS_BEFORE_SET_ASIDE + " before it is set aside)");
                LOG.error("Stixify: could not deliver report {} of dossier {} (failed run {} of {}); it will be retried on "
                        + "the next run", reportId, dossier.id(), now.failedRuns(), FAILED_RUNS_BEFORE_SET_ASIDE, e);
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
