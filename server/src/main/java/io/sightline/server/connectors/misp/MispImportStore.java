package io.sightline.server.connectors.misp;

import io.sightline.integrations.misp.MispAlertDraft;
import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertRepository;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The import's database writes: the alert of an event (created, or updated without undoing what
 * an analyst changed), its observables in batches (upserted on (alert, dataType, data_key), so a
 * re-import after a crash is idempotent), the case observables of an alert already imported into
 * a case (only added), and the sweep of observables whose attribute disappeared from MISP.
 * Every method runs in the caller's transaction.
 */
@Component
class MispImportStore {
    /** The alert of one event in one organisation. */
    record AlertTarget(long alertId, long orgId, Long caseId) {}

    private final JdbcClient jdbc;
    private final AlertRepository alerts;
    private final ObservableBatchWriter observables;

    MispImportStore(JdbcClient jdbc, JdbcTemplate template, AlertRepository alerts, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.observables = dialect.postgres() ? new PostgresObservableWriter(template) : new PortableObservableWriter(template);
    }

    /** Whether this hub exported the event itself (to any server): such events are not imported back. */
    boolean exportedByHub(String eventUuid) {
        return eventUuid != null && jdbc.sql("SELECT COUNT(*) FROM misp_export WHERE event_uuid = ?")
                .param(eventUuid).query(Long.class).single() > 0;
    }

    /**
     * The organisations whose alert already holds this version of the event: imported completely
     * at timestamp {@code eventTimestamp} or later, by an import that ran at least a minute after
     * that second (MISP's timestamps count seconds, so an edit in the same second as an import
     * would otherwise go unnoticed; the minute also absorbs clock skew between MISP and the hub).
     */
    java.util.Set<Long> upToDate(String server, String eventUuid, long eventTimestamp) {
        return new java.util.HashSet<>(jdbc.sql("SELECT a.org_id FROM misp_alert m JOIN alert a ON a.id = m.alert_id "
                        + "WHERE m.server = ? AND m.event_uuid = ? AND (m.event_timestamp > ? "
                        + "OR (m.event_timestamp = ? AND m.synced_at >= ?))")
                .params(server, eventUuid, eventTimestamp, eventTimestamp, (eventTimestamp + 60) * 1000)
                .query(Long.class).list());
    }

    /** Whether any organisation has an alert of this event from this server. */
    boolean known(String server, String eventUuid) {
        return jdbc.sql("SELECT COUNT(*) FROM misp_alert WHERE server = ? AND event_uuid = ?").params(server, eventUuid)
                .query(Long.class).single() > 0;
    }

    /**
     * Creates the event's alert in an organisation, or updates it: MISP's fields are refreshed,
     * MISP's tags replace the tags MISP gave last time while tags added in the hub stay, and
     * status, read, follow, flag, assignee and case link are left as the analysts set them.
     */
    AlertTarget upsertAlert(long orgId, String server, MispAlertDraft d, String actor, long now) {
        long date = d.date() == null ? now : d.date().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Optional<AlertRecord> existing = alerts.findBySource(orgId, d.type(), d.source(), d.sourceRef());
        if (existing.isEmpty()) {
            long id = alerts.insert(new AlertRecord(0, orgId, d.type(), d.source(), d.sourceRef(), d.externalLink(),
                    clip(d.title(), 1024), d.description(), d.severity(), date, d.tlp(), d.pap(), false, "New", false, true,
                    null, null, null, actor, now, null, null, clean(d.tags())));
            jdbc.sql("INSERT INTO misp_alert (alert_id, server, event_uuid, event_id, event_timestamp, misp_tags, synced_at) "
                            + "VALUES (?, ?, ?, ?, -1, ?, ?)")
                    .params(id, server, d.eventUuid(), d.sourceRef(), String.join("\n", clean(d.tags())), now).update();
            return new AlertTarget(id, orgId, null);
        }
        AlertRecord a = existing.get();
        Optional<String> previous = jdbc.sql("SELECT misp_tags FROM misp_alert WHERE alert_id = ?").param(a.id())
                .query(String.class).optional();
        List<String> previousMispTags = previous.map(t -> t.isEmpty() ? List.<String>of() : Arrays.asList(t.split("\n")))
                .orElse(List.of());
        LinkedHashSet<String> tags = new LinkedHashSet<>(clean(d.tags()));
        a.tags().stream().filter(t -> !previousMispTags.contains(t)).forEach(tags::add);
        alerts.update(new AlertRecord(a.id(), orgId, a.type(), a.source(), a.sourceRef(), d.externalLink(),
                clip(d.title(), 1024), d.description(), d.severity(), date, d.tlp(), d.pap(), a.flag(), a.status(), a.read(),
                a.follow(), a.caseId(), a.summary(), a.assignee(), a.createdBy(), a.createdAt(), actor, now,
                List.copyOf(tags)));
        String mispTags = String.join("\n", clean(d.tags()));
        if (previous.isPresent()) {
            jdbc.sql("UPDATE misp_alert SET misp_tags = ?, event_id = ?, synced_at = ? WHERE alert_id = ?")
                    .params(mispTags, d.sourceRef(), now, a.id()).update();
        } else {
            jdbc.sql("INSERT INTO misp_alert (alert_id, server, event_uuid, event_id, event_timestamp, misp_tags, synced_at) "
                    + "VALUES (?, ?, ?, ?, -1, ?, ?)").params(a.id(), server, d.eventUuid(), d.sourceRef(), mispTags, now).update();
        }
        return new AlertTarget(a.id(), orgId, a.caseId());
    }

    /** Writes one batch of observables to every target alert (and to the case of an imported alert). */
    void writeObservables(List<AlertTarget> targets, List<ImportedObservable> batch, long mark, String actor, long now) {
        if (batch.isEmpty()) return;
        for (AlertTarget t : targets) {
            observables.upsertIntoAlert(t.orgId(), t.alertId(), batch, mark, actor, now);
            if (t.caseId() != null) observables.addToCase(t.orgId(), t.caseId(), batch, actor, now);
        }
    }

    /**
     * Ends an event: removes the alert's imported observables that this run (mark) did not see,
     * i.e. whose attributes were deleted in MISP, and records the event version as imported.
     *
     * @return the number of observables removed
     */
    int finishEvent(AlertTarget t, long mark, long eventTimestamp, long now) {
        String stale = "SELECT id FROM observable WHERE alert_id = ? AND misp_sync IS NOT NULL AND misp_sync <> ?";
        jdbc.sql("DELETE FROM entity_tag WHERE entity = 'observable' AND entity_id IN (" + stale + ")")
                .params(t.alertId(), mark).update();
        int removed = jdbc.sql("DELETE FROM observable WHERE alert_id = ? AND misp_sync IS NOT NULL AND misp_sync <> ?")
                .params(t.alertId(), mark).update();
        jdbc.sql("UPDATE misp_alert SET event_timestamp = ?, synced_at = ? WHERE alert_id = ?")
                .params(eventTimestamp, now, t.alertId()).update();
        return removed;
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
