package io.sightline.server.cases;

import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.OrganisationRepository;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.SqlDialect;
import io.sightline.server.common.TagRepository;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.Text;
import io.sightline.server.core.NotFound;
import io.sightline.server.customfields.CheckedValue;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.customfields.ValueOwner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class CaseService {
    static final int MAX_TITLE = 1024;
    static final int MAX_TEXT = 1_000_000;
    static final int MAX_TAGS = 500;
    static final int MAX_TAG = 512;
    static final int MAX_LOGIN = 256;

    private final CaseRepository cases;
    private final OrganisationRepository orgs;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final CustomFieldValues customFields;
    /** The single-statement creation, on PostgreSQL only. */
    private final PostgresCaseInsert postgresInsert;

    public CaseService(CaseRepository cases, OrganisationRepository orgs, UserRepository users, AuditLog audit, Clock clock,
                       TransactionTemplate transactions, SqlDialect dialect, JdbcTemplate jdbc,
                       CustomFieldValues customFields) {
        this.customFields = customFields;
        this.cases = cases;
        this.orgs = orgs;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.postgresInsert = dialect.postgres() ? new PostgresCaseInsert(jdbc, audit) : null;
    }

    /** Creates a case of the caller's organisation with the organisation's next number (no gaps). */
    public CaseRecord create(Principal p, NewCase n) {
        p.require(Permission.MANAGE_CASE);
        long now = clock.millis();
        CaseRecord draft = new CaseRecord(0, p.orgId(), 0, Text.required("title", "case", n.title(), MAX_TITLE),
                Text.required("description", "case", n.description(), MAX_TEXT), 2, Tlp.AMBER.value(),
                Pap.AMBER.value(), false, CaseStatus.DEFAULT, now, null, null, null, null, null, p.login(), now, null, null, List.of(), CaseAccess.ORGANISATION);
        CaseRecord c = apply(p, n.details(), draft, now);
        List<CheckedValue> values = customFields.check(n.customFields());
        customFields.requireMandatory(values, "case");
        // Taking the number locks the organisation's row until the commit (numbers without gaps), so
        // every check comes before it and only the writes that need the number come after.
        if (postgresInsert != null && values.isEmpty() && PostgresCaseInsert.handles(c)) return postgresInsert.create(p, c);
        return transactions.execute(status -> insert(p, c, values));
    }

    private CaseRecord insert(Principal p, CaseRecord draft, List<CheckedValue> values) {
        long number = orgs.nextCaseNumber(p.orgId());
        CaseRecord c = draft.withNumber(number);
        long id = cases.insert(c);
        CaseRecord created = cases.inserted(c, id);
        List<StoredValue> stored = List.of();
        if (!values.isEmpty()) {
            customFields.replace(owner(created), values);
            stored = customFieldsOf(id);
        }
        audit.record(p, "create", "case", Ids.format(id), null, CaseView.of(created, stored));
        return created;
    }

    /** The custom field values of a case, in order. */
    public List<StoredValue> customFieldsOf(long caseId) {
        return customFields.of(ValueOwner.Kind.CASE, caseId);
    }

    /** The custom field values of many cases in one query (a list page); cases without values are absent. */
    public Map<Long, List<StoredValue>> customFieldsOf(Collection<Long> caseIds) {
        return customFields.of(ValueOwner.Kind.CASE, caseIds);
    }

    private static ValueOwner owner(CaseRecord c) {
        return new ValueOwner(ValueOwner.Kind.CASE, c.id(), c.orgId());
    }

    /** Finds a case of the caller's organisation by "~id" or by number. */
    public CaseRecord get(Principal p, String idOrNumber) {
        p.require(Permission.READ);
        if (Ids.looksLikeId(idOrNumber)) {
            return cases.findById(p, Ids.parse(idOrNumber, "Case"))
                    .orElseThrow(() -> new NotFound("Case " + idOrNumber + " not found"));
        }
        try {
            return cases.findByNumber(p, Long.parseLong(idOrNumber))
                    .orElseThrow(() -> new NotFound("Case " + idOrNumber + " not found"));
        } catch (NumberFormatException e) {
            throw new NotFound("Case " + idOrNumber + " not found");
        }
    }

    /** The case with this id if the caller sees it: empty for a case hidden from them, as for no case at all. */
    public Optional<CaseRecord> find(Principal p, long id) {
        p.require(Permission.READ);
        return cases.findById(p, id);
    }

    /** The ids among these of the cases the caller sees (one query). */
    public Set<Long> visibleAmong(Principal p, Collection<Long> ids) {
        p.require(Permission.READ);
        return cases.visibleAmong(p, ids);
    }

    /** The caller's own open cases in their organisation, newest number first: the first {@code limit} and the total. */
    public io.sightline.server.common.FirstRows<CaseRecord> openAssignedToMe(Principal p, int limit) {
        p.require(Permission.READ);
        return cases.assignedTo(p, CaseStatus.OPEN, limit);
    }

    /** Checks that a case exists in the caller's organisation and returns its id (cheap: no tags, no text). */
    public long idOf(Principal p, String idOrNumber) {
        p.require(Permission.READ);
        Long id = null;
        Long number = null;
        if (Ids.looksLikeId(idOrNumber)) {
            id = Ids.parse(idOrNumber, "Case");
        } else {
            try {
                number = Long.parseLong(idOrNumber);
            } catch (NumberFormatException e) {
                throw new NotFound("Case " + idOrNumber + " not found");
            }
        }
        return cases.idOf(p, id, number).orElseThrow(() -> new NotFound("Case " + idOrNumber + " not found"));
    }

    /**
     * The id of a case for a write that itself checks that the caller sees the case (the
     * observable writers do, in their one statement): a case id is taken as given, with no read
     * of the case; a case number is looked up as {@link #idOf} does.
     */
    public long idForGuardedWrite(Principal p, String idOrNumber) {
        p.require(Permission.READ);
        return Ids.looksLikeId(idOrNumber) ? Ids.parse(idOrNumber, "Case") : idOf(p, idOrNumber);
    }

    @Transactional
    public CaseRecord update(Principal p, String idOrNumber, CaseChanges changes) {
        p.require(Permission.MANAGE_CASE);
        CaseRecord before = get(p, idOrNumber);
        List<StoredValue> valuesBefore = customFieldsOf(before.id());
        long now = clock.millis();
        CaseRecord c = apply(p, changes, before, now);
        List<CheckedValue> values = changes.customFields() == null ? null : merged(valuesBefore, changes.customFields());
        c = new CaseRecord(c.id(), c.orgId(), c.number(),
                changes.title().present() ? Text.required("title", "case", changes.title().value(), MAX_TITLE) : c.title(),
                changes.description().present()
                        ? Text.required("description", "case", changes.description().value(), MAX_TEXT) : c.description(),
                c.severity(), c.tlp(), c.pap(), c.flag(), c.status(), c.startDate(), c.endDate(), c.assignee(), c.summary(),
                c.resolutionStatus(), c.impactStatus(), c.createdBy(), c.createdAt(), p.login(), now, c.tags(), c.access());
        cases.update(c);
        if (values != null) customFields.replace(owner(c), values);
        CaseRecord after = get(p, Ids.format(c.id()));
        audit.record(p, "update", "case", Ids.format(c.id()), CaseView.of(before, valuesBefore),
                values == null ? CaseView.of(after, valuesBefore) : CaseView.of(after, customFieldsOf(after.id())));
        return after;
    }

    /** The given values replace those of their fields; the case's other fields keep theirs; mandatory ones stay set. */
    private List<CheckedValue> merged(List<StoredValue> kept, List<CustomFieldInput> given) {
        Set<String> names = new HashSet<>();
        for (CustomFieldInput in : given) names.add(in.name());
        List<CustomFieldInput> all = new ArrayList<>();
        for (StoredValue v : kept) if (!names.contains(v.name())) all.add(v.asInput());
        all.addAll(given);
        List<CheckedValue> checked = customFields.check(all);
        customFields.requireMandatory(checked, "case");
        return checked;
    }

    @Transactional
    public void delete(Principal p, String idOrNumber) {
        p.require(Permission.MANAGE_CASE);
        CaseRecord c = get(p, idOrNumber);
        cases.delete(c.id());
        audit.record(p, "delete", "case", Ids.format(c.id()), CaseView.of(c), null);
    }

    /** Applies the optional fields of a create or update; closing requires a resolution and a summary. */
    private CaseRecord apply(Principal p, CaseChanges ch, CaseRecord c, long now) {
        int severity = ch.severity() != null ? ch.severity() : c.severity();
        if (severity < 1 || severity > 4) throw new Invalid("Field severity of case must be 1 (low) to 4 (critical), not " + severity);
        int tlp = ch.tlp() != null ? ch.tlp().value() : c.tlp();
        int pap = ch.pap() != null ? ch.pap().value() : c.pap();
        boolean flag = ch.flag() != null ? ch.flag() : c.flag();
        long startDate = ch.startDate() != null ? ch.startDate() : c.startDate();
        Long endDate = ch.endDate().applyTo(c.endDate());
        List<String> tags = ch.tags() != null
                ? TagRepository.clean(Text.storable("tags", "case", ch.tags(), MAX_TAGS, MAX_TAG)) : c.tags();
        String summary = Text.storable("summary", "case", ch.summary().applyTo(c.summary()), MAX_TEXT);
        String assignee = c.assignee();
        if (ch.assignee().present()) {
            assignee = Text.storable("assignee", "case", ch.assignee().value(), MAX_LOGIN);
            if (assignee != null && assignee.isBlank()) assignee = null;
            if (assignee != null && !users.isMember(assignee, p.orgId())) {
                throw new Invalid("Assignee " + assignee + " is not a user of organisation " + p.orgName());
            }
        }
        String status = ch.status() != null ? CaseStatus.parse(Text.storable("status", "case", ch.status(), 32)) : c.status();
        String resolution = ch.resolutionStatus().present()
                ? optional(ch.resolutionStatus().value(), "resolutionStatus", CaseStatus::resolution) : c.resolutionStatus();
        String impact = ch.impactStatus().present()
                ? optional(ch.impactStatus().value(), "impactStatus", CaseStatus::impact) : c.impactStatus();
        if (CaseStatus.isClosed(status) && !CaseStatus.isClosed(c.status()) || CaseStatus.isClosed(status) && ch.status() != null) {
            // TheHive 5's closing status is its own resolution; a resolution sent with it must agree
            if (ch.status() != null) {
                resolution = CaseStatus.resolutionOf(status,
                        ch.resolutionStatus().present() || CaseStatus.RESOLVED.equals(status) ? resolution : null);
            }
            if (resolution == null) throw new Invalid("Closing a case as Resolved requires resolutionStatus (" + String.join(", ", CaseStatus.RESOLUTIONS) + "), or close with one of those as status");
            if (summary == null || summary.isBlank()) throw new Invalid("Closing a case requires a summary");
            if (endDate == null) endDate = now;
        } else if (!CaseStatus.isClosed(status) && CaseStatus.isClosed(c.status())) {
            endDate = null;
            resolution = null;
            impact = null;
        }
        if (endDate != null && endDate < startDate) throw new Invalid("Field endDate of case is before its startDate");
        return new CaseRecord(c.id(), c.orgId(), c.number(), c.title(), c.description(), severity, tlp, pap, flag, status,
                startDate, endDate, assignee, summary, resolution, impact, c.createdBy(), c.createdAt(), c.updatedBy(),
                c.updatedAt(), tags, c.access());
    }

    private static String optional(String value, String field, java.util.function.UnaryOperator<String> parse) {
        return value == null ? null : parse.apply(Text.storable(field, "case", value, 64));
    }
}
