package io.sightline.server.connectors.misp.importing;

import io.sightline.integrations.misp.mapping.MispAlertDraft;
import io.sightline.integrations.misp.mapping.MispGalaxy;
import io.sightline.integrations.misp.model.MispEventSummary;

import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertRepository;
import io.sightline.server.alerts.AlertBatchInsert;
import io.sightline.server.alerts.ImportedAlertAudit;
import io.sightline.server.common.SqlDialect;
import io.sightline.server.observables.ImportedObservable;
import io.sightline.server.observables.ObservableBatch;
import io.sightline.server.observables.ObservableStore;
import io.sightline.server.procedures.ImportedProcedures;
import io.sightline.server.procedures.ProcedureRepository;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The import's database writes: the alert of an event (created, or updated without undoing what
 * an analyst changed), its observables in batches (upserted on (alert, dataType, data_key), so a
 * re-import after a crash is idempotent), the case observables of an alert already imported into
 * a case (only added, each with its audit entry), and the sweep of observables whose attribute
 * disappeared from MISP. Each alert created or changed gets its audit entry ({@link ImportedAlertAudit}),
 * written together at the end of {@link #upsertAlerts}. Observables are written by their own package's
 * {@link ObservableStore}, through its typed batch commands.
 * Every method runs in the caller's transaction.
 */
@Component
public class MispImportStore {
    /** The alert of one event in one organisation. */
    record AlertTarget(long alertId, long orgId, Long caseId, boolean created) {}

    private final JdbcClient jdbc;
    private final AlertRepository alerts;
    private final ObservableStore observables;
    private final ImportedProcedures procedures;
    private final PostgresAlertWriter newAlerts;
    private final ImportedAlertAudit audit;
    private final boolean postgres;

    MispImportStore(JdbcClient jdbc, JdbcTemplate template, AlertRepository alerts, AlertBatchInsert alertRows,
                    ObservableStore observables, ImportedProcedures procedures, ImportedAlertAudit audit,
                    SqlDialect dialect) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.procedures = procedures;
        this.alerts = alerts;
        this.postgres = dialect.postgres();
        this.observables = observables;
        this.newAlerts = dialect.postgres() ? new PostgresAlertWriter(template, alertRows) : null;
    }

    /**
     * What the hub already knows of an event, in one query.
     *
     * @param exportedByHub the hub exported this event itself (to any server): not imported back
     * @param known         some organisation has an alert of it from this server
     * @param upToDate      the organisations whose alert holds this version already: imported
     *                      completely at this timestamp or later, by an import that ran at least a
     *                      minute after that second (MISP's timestamps count seconds, so an edit in
     *                      the same second as an import would otherwise go unnoticed; the minute
     *                      also absorbs clock skew between MISP and the hub)
     */
    record EventState(boolean exportedByHub, boolean known, Set<Long> upToDate) {}

    /** What the hub knows of several events (see {@link EventState}), in two queries; by event uuid. */
    Map<String, EventState> states(String server, List<MispEventSummary> events) {
        Set<String> uuids = new HashSet<>();
        for (MispEventSummary e : events) if (e.uuid() != null) uuids.add(e.uuid());
        Set<String> exported = new HashSet<>();
        Map<String, List<long[]>> imported = new HashMap<>();
        if (!uuids.isEmpty()) {
            exported.addAll(jdbc.sql("SELECT DISTINCT event_uuid FROM misp_export WHERE event_uuid IN (:uuids)")
                    .param("uuids", uuids).query(String.class).list());
            jdbc.sql("""
                    SELECT m.event_uuid, a.org_id, m.event_timestamp, m.synced_at FROM misp_alert m JOIN alert a ON a.id = m.alert_id
                    WHERE m.server = :server AND m.event_uuid IN (:uuids)""")
                    .param("server", server).param("uuids", uuids)
                    .query(rs -> {
                        imported.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    });
        }
        Map<String, EventState> states = new HashMap<>();
        for (MispEventSummary e : events) {
            if (e.uuid() == null) continue;
            Set<Long> upToDate = new HashSet<>();
            List<long[]> rows = imported.getOrDefault(e.uuid(), List.of());
            long ts = e.timestamp();
            for (long[] r : rows) {
                if (r[1] > ts || (r[1] == ts && r[2] >= (ts + 60) * 1000)) upToDate.add(r[0]);
            }
            states.put(e.uuid(), new EventState(exported.contains(e.uuid()), !rows.isEmpty(), upToDate));
        }
        return states;
    }

    /** The state of an event the hub has never seen. */
    static final EventState UNKNOWN = new EventState(false, false, Set.of());

    /**
     * Connections the import writes with at once: on PostgreSQL each keeps one core busy and the
     * events they write never share a row; an embedded database gains nothing from a second one.
     */
    int writers() {
        return postgres ? 2 : 1;
    }

    /**
     * PostgreSQL: the import's transactions do not wait for their commit to reach the disk. A
     * database crash can then lose the last commits, but data and checkpoint together, so the
     * events are imported again; nothing is lost or duplicated.
     */
    void relaxCommit() {
        if (postgres) jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
    }

    /**
     * The alerts of several events, each in every organisation of {@code orgs}, as
     * {@link #upsertAlert} makes them. On PostgreSQL the alerts of events never imported before
     * ({@code known} false) are created together in three statements; one that exists after all,
     * and the alerts of known events, go through {@link #upsertAlert}.
     *
     * @return per draft, its alerts in the order of {@code orgs}
     */
    List<List<AlertTarget>> upsertAlerts(List<MispAlertDraft> drafts, List<Boolean> known, List<Long> orgs, String server,
                                         String actor, long now) {
        List<PostgresAlertWriter.NewAlert> fresh = new ArrayList<>();
        List<int[]> freshAt = new ArrayList<>(); // (draft, org) of each entry of fresh
        if (newAlerts != null) {
            for (int d = 0; d < drafts.size(); d++) {
                if (known.get(d)) continue;
                MispAlertDraft a = drafts.get(d);
                List<String> tags = clean(a.tags());
                for (int o = 0; o < orgs.size(); o++) {
                    fresh.add(new PostgresAlertWriter.NewAlert(new AlertBatchInsert.Row(orgs.get(o), a.type(), a.source(),
                            a.sourceRef(), a.externalLink(), clip(a.title(), 1024), a.description(), a.severity(),
                            alertDate(a, now), a.tlp(), a.pap(), tags), server, a.eventUuid()));
                    freshAt.add(new int[] {d, o});
                }
            }
        }
        Map<Integer, Long> created = newAlerts == null ? Map.of() : newAlerts.create(fresh, actor, now);
        ImportedAlertAudit.Entries audited = audit.entries(actor, now);
        AlertTarget[][] targets = new AlertTarget[drafts.size()][orgs.size()];
        created.forEach((i, id) -> {
            int[] at = freshAt.get(i);
            targets[at[0]][at[1]] = new AlertTarget(id, orgs.get(at[1]), null, true);
            audited.created(id, fresh.get(i).alert());
        });
        List<List<AlertTarget>> out = new ArrayList<>(drafts.size());
        for (int d = 0; d < drafts.size(); d++) {
            for (int o = 0; o < orgs.size(); o++) {
                if (targets[d][o] == null) targets[d][o] = upsertAlert(orgs.get(o), server, drafts.get(d), actor, now, audited);
            }
            out.add(List.of(targets[d]));
        }
        audited.write();
        addProcedures(drafts, out, actor, now);
        return out;
    }

    /**
     * The event's ATT&CK galaxy tags as procedures of its alerts (TheHive 5 alerts hold procedures,
     * carried to the case on promotion); an alert already in a case is left to the case's analysts.
     */
    private void addProcedures(List<MispAlertDraft> drafts, List<List<AlertTarget>> targets, String actor, long now) {
        List<ProcedureRepository.Imported> rows = new ArrayList<>();
        for (int d = 0; d < drafts.size(); d++) {
            // most events carry no galaxy tag: the prefix test spares each tag the pattern
            List<String> techniques = drafts.get(d).tags().stream().filter(MispGalaxy::isAttackPattern)
                    .map(MispGalaxy::attackPatternId).flatMap(Optional::stream).distinct().toList();
            if (techniques.isEmpty()) continue;
            long occurred = alertDate(drafts.get(d), now);
            for (AlertTarget t : targets.get(d)) {
                if (t.caseId() != null) continue;
                for (String technique : techniques) rows.add(new ProcedureRepository.Imported(t.orgId(), t.alertId(), technique, occurred));
            }
        }
        if (!rows.isEmpty()) procedures.add(rows, actor, now);
    }

    /**
     * Creates the event's alert in an organisation, or updates it: MISP's fields are refreshed,
     * MISP's tags replace the tags MISP gave last time while tags added in the hub stay, and
     * status, read, follow, flag, assignee and case link are left as the analysts set them.
     */
    private AlertTarget upsertAlert(long orgId, String server, MispAlertDraft d, String actor, long now,
                                    ImportedAlertAudit.Entries audited) {
        long date = alertDate(d, now);
        Optional<AlertRecord> existing = alerts.findBySource(orgId, d.type(), d.source(), d.sourceRef());
        if (existing.isEmpty()) {
            AlertRecord fresh = new AlertRecord(0, orgId, d.type(), d.source(), d.sourceRef(), d.externalLink(),
                    clip(d.title(), 1024), d.description(), d.severity(), date, d.tlp(), d.pap(), false, "New", false, true,
                    null, null, null, actor, now, null, null, clean(d.tags()));
            long id = alerts.insert(fresh);
            audited.created(id, fresh);
            jdbc.sql("INSERT INTO misp_alert (alert_id, server, event_uuid, event_id, event_timestamp, misp_tags, synced_at) "
                            + "VALUES (?, ?, ?, ?, -1, ?, ?)")
                    .params(id, server, d.eventUuid(), d.sourceRef(), String.join("\n", clean(d.tags())), now).update();
            return new AlertTarget(id, orgId, null, true);
        }
        AlertRecord a = existing.get();
        Optional<String> previous = jdbc.sql("SELECT misp_tags FROM misp_alert WHERE alert_id = ?").param(a.id())
                .query(String.class).optional();
        List<String> previousMispTags = previous.map(t -> t.isEmpty() ? List.<String>of() : Arrays.asList(t.split("\n")))
                .orElse(List.of());
        LinkedHashSet<String> tags = new LinkedHashSet<>(clean(d.tags()));
        a.tags().stream().filter(t -> !previousMispTags.contains(t)).forEach(tags::add);
        AlertRecord updated = new AlertRecord(a.id(), orgId, a.type(), a.source(), a.sourceRef(), d.externalLink(),
                clip(d.title(), 1024), d.description(), d.severity(), date, d.tlp(), d.pap(), a.flag(), a.status(), a.read(),
                a.follow(), a.caseId(), a.summary(), a.assignee(), a.createdBy(), a.createdAt(), actor, now,
                List.copyOf(tags));
        alerts.update(updated);
        audited.updated(a, updated);
        String mispTags = String.join("\n", clean(d.tags()));
        if (previous.isPresent()) {
            jdbc.sql("UPDATE misp_alert SET misp_tags = ?, event_id = ?, synced_at = ? WHERE alert_id = ?")
                    .params(mispTags, d.sourceRef(), now, a.id()).update();
        } else {
            jdbc.sql("INSERT INTO misp_alert (alert_id, server, event_uuid, event_id, event_timestamp, misp_tags, synced_at) "
                    + "VALUES (?, ?, ?, ?, -1, ?, ?)").params(a.id(), server, d.eventUuid(), d.sourceRef(), mispTags, now).update();
        }
        return new AlertTarget(a.id(), orgId, a.caseId(), false);
    }

    /** One event's chunk of observables for one of its alerts. */
    record AlertRows(AlertTarget target, long mark, boolean fresh, List<ImportedObservable> observables) {}

    /**
     * Writes the chunks of one transaction (at most one per alert): into the alerts in one go,
     * and into the case of an alert already imported into a case.
     */
    void writeObservables(List<AlertRows> rows, String actor, long now) {
        List<ObservableBatch.AlertChunk> chunks = new ArrayList<>(rows.size());
        for (AlertRows r : rows) {
            if (r.observables().isEmpty()) continue;
            chunks.add(new ObservableBatch.AlertChunk(r.target().orgId(), r.target().alertId(), r.mark(), r.fresh(),
                    r.observables()));
        }
        observables.write(new ObservableBatch.IntoAlerts(chunks, actor, now));
        for (AlertRows r : rows) {
            AlertTarget t = r.target();
            if (t.caseId() != null) observables.write(new ObservableBatch.IntoCase(t.orgId(), t.caseId(), r.observables(), actor, now));
        }
    }

    /** An event whose every observable was written: its alert, the mark of the import, its MISP timestamp. */
    record Finished(AlertTarget target, long mark, long eventTimestamp) {}

    /**
     * Ends events: removes each alert's imported observables that this run (mark) did not see,
     * i.e. whose attributes were deleted in MISP, and records the event versions as imported
     * (on PostgreSQL in one statement).
     *
     * @return the number of observables removed
     */
    int finishEvents(List<Finished> events, long now) {
        int removed = 0;
        for (Finished f : events) {
            // a new alert has nothing stale
            if (!f.target().created()) removed += observables.removeUnmarked(f.target().alertId(), f.mark());
        }
        if (postgres && events.size() > 1) {
            long[] alert = events.stream().mapToLong(f -> f.target().alertId()).toArray();
            long[] timestamp = events.stream().mapToLong(Finished::eventTimestamp).toArray();
            jdbc.sql("UPDATE misp_alert m SET event_timestamp = v.ts, synced_at = ? "
                            + "FROM unnest(?::bigint[], ?::bigint[]) AS v(id, ts) WHERE m.alert_id = v.id")
                    .params(now, alert, timestamp).update();
        } else {
            for (Finished f : events) {
                jdbc.sql("UPDATE misp_alert SET event_timestamp = ?, synced_at = ? WHERE alert_id = ?")
                        .params(f.eventTimestamp(), now, f.target().alertId()).update();
            }
        }
        return removed;
    }

    private static long alertDate(MispAlertDraft d, long now) {
        return d.date() == null ? now : d.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static List<String> clean(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            String s = t.strip();
            if (!s.isEmpty() && s.length() <= 512 && !out.contains(s)) out.add(s);
        }
        return out;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
