package io.sightline.server.observables;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.SecretHashing;
import io.sightline.server.common.BulkIds;
import io.sightline.server.common.Ids;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.common.TagRepository;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Adds, changes and removes observables of cases and alerts; each value is checked on its own. */
@Service
public class ObservableService {
    /**
     * Outcome of adding several values: TheHive answers 201 when all succeed, 207 otherwise.
     *
     * @param merged those of {@code created} that the case or alert already held, with the new tags and flags merged in
     */
    public record Outcome(List<ObservableRecord> created, List<ObservableRefusal> failures, List<ObservableRecord> merged) {
        public Outcome(List<ObservableRecord> created, List<ObservableRefusal> failures) {
            this(created, failures, List.of());
        }
    }

    private final ObservableRepository observables;
    private final ObservableStore writer;
    private final ObservableTypes types;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public ObservableService(ObservableRepository observables, ObservableTypes types, AuditLog audit, Clock clock,
                             ObservableStore writer, TransactionTemplate transactions) {
        this.observables = observables;
        this.writer = writer;
        this.types = types;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Adds drafts to a case (caseId) or an alert (alertId) of the caller's organisation; a case or
     * alert that is not there (or not the caller's) is a 404, checked by the same statement that
     * writes each value. All values are written or none (a caller's transaction is joined).
     */
    public Outcome add(Principal p, Long caseId, Long alertId, List<ObservableDraft> drafts) {
        return add(p, caseId, alertId, drafts, false);
    }

    /**
     * As {@link #add}, for TheHive's observable routes: a value the case or alert already holds is
     * answered as the existing observable with the new tags and flags merged in (as TheHive does),
     * not refused. Copies between records (promotion, merges, Cortex artifacts) keep {@link #add}.
     */
    public Outcome addOrMerge(Principal p, Long caseId, Long alertId, List<ObservableDraft> drafts) {
        return add(p, caseId, alertId, drafts, true);
    }

    private Outcome add(Principal p, Long caseId, Long alertId, List<ObservableDraft> drafts, boolean mergeExisting) {
        if (drafts.isEmpty()) return new Outcome(List.of(), List.of());
        // One value written by one statement is atomic as it is: no transaction, no commit round trip.
        if (drafts.size() == 1 && writer.createIsOneStatement()) return addEach(p, caseId, alertId, drafts, mergeExisting);
        return transactions.execute(status -> addEach(p, caseId, alertId, drafts, mergeExisting));
    }

    private Outcome addEach(Principal p, Long caseId, Long alertId, List<ObservableDraft> drafts, boolean mergeExisting) {
        long now = clock.millis();
        List<ObservableRecord> created = new ArrayList<>();
        List<ObservableRefusal> failures = new ArrayList<>();
        List<ObservableRecord> merged = new ArrayList<>();
        Set<String> seenInRequest = new HashSet<>();
        boolean parentChecked = false;
        for (ObservableDraft d : drafts) {
            String data;
            try {
                data = d.attachment() != null ? null : types.normalise(d.dataType(), d.data());
            } catch (Invalid e) {
                failures.add(new ObservableRefusal(ObservableRefusal.Kind.INVALID, e.getMessage(), d.data()));
                continue;
            }
            String key = d.attachment() != null ? d.attachment().sha256() : SecretHashing.sha256(data);
            String shown = data != null ? data : d.attachment().name();
            if (!seenInRequest.add(d.dataType() + "\0" + key)) {
                failures.add(alreadyExists(d.dataType(), shown));
                continue;
            }
            ObservableRecord o = new ObservableRecord(0, p.orgId(), caseId, alertId, d.dataType(), data, key,
                    d.attachment(), d.message(), d.tlp(), d.pap(), d.ioc(), d.sighted(), d.ignoreSimilarity(),
                    d.startDate() != null ? d.startDate() : now, "{}", p.login(), now, null, null, d.tags());
            NewObservableWriter.Written written = writer.create(p, o);
            parentChecked = true;
            switch (written.status()) {
                case NO_SUCH_OWNER -> throw parentNotFound(caseId, alertId);
                case ALREADY_THERE -> {
                    if (mergeExisting) {
                        ObservableRecord existing = mergeIntoExisting(p, caseId, alertId, d, key);
                        created.add(existing);
                        merged.add(existing);
                    } else failures.add(alreadyExists(d.dataType(), shown));
                }
                case CREATED -> created.add(o.withId(written.id()));
            }
        }
        // Every value was refused before reaching the database: the case or alert must still exist.
        if (!parentChecked && !observables.parentExists(p, caseId, alertId)) throw parentNotFound(caseId, alertId);
        return new Outcome(created, failures, merged);
    }

    /**
     * A value the case or alert already holds is not added twice: as in TheHive, the existing
     * observable is answered, with the new tags added to its own and the ioc and sighted flags set
     * if the new value sets them (a flag is never cleared this way), and its message kept unless it
     * has none. Written and audited only when something changes.
     */
    private ObservableRecord mergeIntoExisting(Principal p, Long caseId, Long alertId, ObservableDraft d, String key) {
        ObservableRecord o = observables.findIn(p.orgId(), caseId, alertId, d.dataType(), key)
                .orElseThrow(() -> parentNotFound(caseId, alertId));
        Set<String> tags = new LinkedHashSet<>(o.tags());
        if (d.tags() != null) tags.addAll(TagRepository.clean(Text.storable("tags", "observable", d.tags(), 500, 512)));
        boolean ioc = o.ioc() || d.ioc();
        boolean sighted = o.sighted() || d.sighted();
        String message = o.message() == null || o.message().isEmpty() ? d.message() : o.message();
        boolean same = ioc == o.ioc() && sighted == o.sighted() && tags.size() == o.tags().size()
                && Objects.equals(message, o.message());
        if (same) return o;
        ObservableRecord merged = new ObservableRecord(o.id(), o.orgId(), o.caseId(), o.alertId(), o.dataType(), o.data(),
                o.dataKey(), o.attachment(), message, o.tlp(), o.pap(), ioc, sighted, o.ignoreSimilarity(), o.startDate(),
                o.reports(), o.createdBy(), o.createdAt(), p.login(), clock.millis(), List.copyOf(tags));
        return transactions.execute(status -> {
            observables.update(merged);
            ObservableRecord after = observables.findById(p.orgId(), o.id()).orElseThrow();
            audit.record(p, "update", "observable", Ids.format(o.id()), ObservableView.of(o), ObservableView.of(after));
            return after;
        });
    }

    private static NotFound parentNotFound(Long caseId, Long alertId) {
        return caseId != null ? new NotFound("Case " + Ids.format(caseId) + " not found")
                : new NotFound("Alert " + Ids.format(alertId) + " not found");
    }

    private static ObservableRefusal alreadyExists(String dataType, String shown) {
        return new ObservableRefusal(ObservableRefusal.Kind.DUPLICATE, "Observable already exists: " + dataType + " " + shown, shown);
    }

    public ObservableRecord get(Principal p, String id) {
        p.require(Permission.READ);
        return observables.findVisible(p, Ids.parse(id, "Observable"))
                .orElseThrow(() -> new NotFound("Observable " + id + " not found"));
    }

    /**
     * Shares of the observable with other organisations: none, since its case or alert stays in its
     * own organisation (TheHive lists only the other organisations).
     */
    public List<String> sharedWith(Principal p, String id) {
        get(p, id);
        return List.of();
    }

    /** Sharing with the observable's own organisation changes nothing; no other organisation can see its case. */
    public void share(Principal p, String id, List<String> organisations) {
        p.require(Permission.MANAGE_SHARE);
        get(p, id);
        for (String org : organisations) {
            if (!p.actsIn(org)) {
                throw new NotFound("Organisation " + org + " cannot see observable " + id
                        + ": its case is not shared with other organisations");
            }
        }
    }

    /** Nothing can be unshared: the own organisation always keeps the observable, no other has it. */
    public void unshare(Principal p, String id, List<String> organisations) {
        p.require(Permission.MANAGE_SHARE);
        get(p, id);
        if (organisations.isEmpty()) return;
        String org = organisations.get(0);
        if (p.actsIn(org)) throw new Invalid("Observable " + id + " cannot be unshared from its own organisation, " + p.orgName());
        throw new NotFound("Observable " + id + " is not shared with organisation " + org);
    }

    /**
     * One page of the observables of a case (caseId set) or an alert of the caller's organisation,
     * with the counts per type of all of them; a case or alert that is not the caller's is a 404.
     */
    public ObservablePage page(Principal p, Long caseId, Long alertId, ObservableListQuery q) {
        p.require(Permission.READ);
        if (!observables.parentExists(p, caseId, alertId)) throw parentNotFound(caseId, alertId);
        long total = observables.count(p.orgId(), caseId, alertId, q);
        int pages = (int) Math.max(1, (total + q.pageSize() - 1) / q.pageSize());
        // past the end (the last rows were just deleted): the last page
        ObservableListQuery shown = q.page() > pages ? q.withPage(pages) : q;
        return new ObservablePage(observables.page(p.orgId(), caseId, alertId, shown), total, shown.page(), pages,
                observables.typeCounts(p.orgId(), caseId, alertId));
    }

    /** The other cases the caller sees that hold the observable's value. */
    public List<ObservableRepository.Sighting> seenIn(Principal p, ObservableRecord o) {
        return observables.seenIn(p, o);
    }

    /** The other cases holding each of a page of observables read by the caller, with one query. */
    public Map<Long, List<ObservableRepository.Sighting>> seenIn(Principal p, List<ObservableRecord> read) {
        p.require(Permission.READ);
        return observables.seenIn(p, read.stream().filter(o -> o.orgId() == p.orgId()).toList());
    }

    @Transactional
    public ObservableRecord update(Principal p, String id, ObservableChanges ch) {
        p.require(Permission.MANAGE_OBSERVABLE);
        ObservableRecord o = get(p, id);
        long now = clock.millis();
        ObservableRecord retyped = retyped(o, ch.dataType());
        ObservableRecord changed = new ObservableRecord(o.id(), o.orgId(), o.caseId(), o.alertId(), retyped.dataType(),
                retyped.data(), retyped.dataKey(), o.attachment(), Text.storable("message", "observable", ch.message().applyTo(o.message()), 1_000_000),
                ch.tlp() != null ? ch.tlp().value() : o.tlp(), ch.pap() != null ? ch.pap().value() : o.pap(),
                ch.ioc() != null ? ch.ioc() : o.ioc(), ch.sighted() != null ? ch.sighted() : o.sighted(),
                ch.ignoreSimilarity() != null ? ch.ignoreSimilarity() : o.ignoreSimilarity(),
                ch.startDate() != null ? ch.startDate() : o.startDate(), o.reports(), o.createdBy(), o.createdAt(),
                p.login(), now,
                ch.tags() != null ? TagRepository.clean(Text.storable("tags", "observable", ch.tags(), 500, 512)) : o.tags());
        observables.update(changed);
        ObservableRecord after = observables.findById(p.orgId(), o.id()).orElseThrow();
        audit.record(p, "update", "observable", Ids.format(o.id()), ObservableView.of(o), ObservableView.of(after));
        return after;
    }

    /** The same changes to every listed observable, all or nothing; one audit entry per observable. */
    @Transactional
    public void updateAll(Principal p, BulkIds ids, ObservableChanges ch) {
        p.require(Permission.MANAGE_OBSERVABLE);
        for (String id : ids.ids()) update(p, id, ch);
    }

    /**
     * The observable under a new data type: the value must fit it (and is normalised for it), a file
     * stays a file, and the case or alert must not already hold the value under that type.
     */
    private ObservableRecord retyped(ObservableRecord o, String dataType) {
        if (dataType == null || dataType.equals(o.dataType())) return o;
        types.requireKnown(dataType);
        String data = o.data();
        String key = o.dataKey();
        if (o.attachment() != null || types.isAttachment(dataType)) {
            if (o.attachment() == null || !types.isAttachment(dataType)) {
                throw new Invalid("Observable " + Ids.format(o.id()) + " of type " + o.dataType()
                        + " cannot become " + dataType + ": a file observable stays a file and a value stays a value");
            }
        } else {
            data = types.normalise(dataType, o.data());
            key = SecretHashing.sha256(data);
        }
        if (observables.holds(o.caseId(), o.alertId(), dataType, key)) {
            throw new Conflict("Observable already exists: " + dataType + " " + (data != null ? data : o.attachment().name()));
        }
        return new ObservableRecord(o.id(), o.orgId(), o.caseId(), o.alertId(), dataType, data, key, o.attachment(),
                o.message(), o.tlp(), o.pap(), o.ioc(), o.sighted(), o.ignoreSimilarity(), o.startDate(), o.reports(),
                o.createdBy(), o.createdAt(), o.updatedBy(), o.updatedAt(), o.tags());
    }

    @Transactional
    public void delete(Principal p, String id) {
        p.require(Permission.MANAGE_OBSERVABLE);
        ObservableRecord o = get(p, id);
        observables.delete(o.id());
        audit.record(p, "delete", "observable", Ids.format(o.id()), ObservableView.of(o), null);
    }
}
