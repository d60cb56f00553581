package io.sightline.server.cases;

import io.sightline.server.api.JsonInput;
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
import io.sightline.server.common.Unsupported;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@Service
public class CaseService {
    static final Set<String> FIELDS = Set.of("title", "description", "severity", "startDate", "endDate", "tags", "flag",
            "tlp", "pap", "status", "summary", "user", "assignee", "resolutionStatus", "impactStatus", "customFields",
            "customFieldValues", "caseTemplate", "tasks", "pages", "sharingParameters", "taskRule", "observableRule");
    private static final String[] UNSUPPORTED = {"customFields", "customFieldValues", "caseTemplate", "tasks", "pages",
            "sharingParameters", "taskRule", "observableRule"};
    static final int MAX_TITLE = 1024;
    static final int MAX_TEXT = 1_000_000;

    private final CaseRepository cases;
    private final OrganisationRepository orgs;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** The single-statement creation, on PostgreSQL only. */
    private final PostgresCaseInsert postgresInsert;

    public CaseService(CaseRepository cases, OrganisationRepository orgs, UserRepository users, AuditLog audit, Clock clock,
                       TransactionTemplate transactions, SqlDialect dialect, JdbcTemplate jdbc) {
        this.cases = cases;
        this.orgs = orgs;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.postgresInsert = dialect.postgres() ? new PostgresCaseInsert(jdbc, audit) : null;
    }

    /** Creates a case of the caller's organisation with the organisation's next number (no gaps). */
    public CaseRecord create(Principal p, JsonNode body) {
        p.require(Permission.MANAGE_CASE);
        JsonInput in = JsonInput.of(body, "case", FIELDS);
        Unsupported.rejectNonEmpty(in, "case", UNSUPPORTED);
        long now = clock.millis();
        CaseRecord draft = new CaseRecord(0, p.orgId(), 0, in.requiredString("title", MAX_TITLE),
                in.requiredString("description", MAX_TEXT), 2, Tlp.AMBER.value(), Pap.AMBER.value(), false, "Open",
                now, null, null, null, null, null, p.login(), now, null, null, List.of());
        CaseRecord c = apply(p, in, draft, now);
        // Taking the number locks the organisation's row until the commit (numbers without gaps), so
        // every check comes before it and only the writes that need the number come after.
        if (postgresInsert != null && PostgresCaseInsert.handles(c)) return postgresInsert.create(p, c);
        return transactions.execute(status -> insert(p, c));
    }

    private CaseRecord insert(Principal p, CaseRecord draft) {
        long number = orgs.nextCaseNumber(p.orgId());
        CaseRecord c = draft.withNumber(number);
        long id = cases.insert(c);
        CaseRecord created = cases.inserted(c, id);
        audit.record(p, "create", "case", Ids.format(id), null, CaseView.of(created));
        return created;
    }

    /** Finds a case of the caller's organisation by "~id" or by number. */
    public CaseRecord get(Principal p, String idOrNumber) {
        p.require(Permission.READ);
        if (Ids.looksLikeId(idOrNumber)) {
            return cases.findById(p.orgId(), Ids.parse(idOrNumber, "Case"))
                    .orElseThrow(() -> new NotFound("Case " + idOrNumber + " not found"));
        }
        try {
            return cases.findByNumber(p.orgId(), Long.parseLong(idOrNumber))
                    .orElseThrow(() -> new NotFound("Case " + idOrNumber + " not found"));
        } catch (NumberFormatException e) {
            throw new NotFound("Case " + idOrNumber + " not found");
        }
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
        return cases.idOf(p.orgId(), id, number).orElseThrow(() -> new NotFound("Case " + idOrNumber + " not found"));
    }

    /**
     * The id of a case given by "~id" or by number, for a caller that checks the case belongs to the
     * organisation in its own statement: an id is taken as it is, a number is looked up.
     */
    public long idOfUnchecked(Principal p, String idOrNumber) {
        p.require(Permission.READ);
        return Ids.looksLikeId(idOrNumber) ? Ids.parse(idOrNumber, "Case") : idOf(p, idOrNumber);
    }

    @Transactional
    public CaseRecord update(Principal p, String idOrNumber, JsonNode body) {
        p.require(Permission.MANAGE_CASE);
        JsonInput in = JsonInput.of(body, "case", FIELDS);
        Unsupported.rejectNonEmpty(in, "case", UNSUPPORTED);
        CaseRecord before = get(p, idOrNumber);
        long now = clock.millis();
        CaseRecord c = apply(p, in, before, now);
        c = new CaseRecord(c.id(), c.orgId(), c.number(), in.has("title") ? in.requiredString("title", MAX_TITLE) : c.title(),
                in.has("description") ? in.requiredString("description", MAX_TEXT) : c.description(), c.severity(),
                c.tlp(), c.pap(), c.flag(), c.status(), c.startDate(), c.endDate(), c.assignee(), c.summary(),
                c.resolutionStatus(), c.impactStatus(), c.createdBy(), c.createdAt(), p.login(), now, c.tags());
        cases.update(c);
        CaseRecord after = get(p, Ids.format(c.id()));
        audit.record(p, "update", "case", Ids.format(c.id()), CaseView.of(before), CaseView.of(after));
        return after;
    }

    @Transactional
    public void delete(Principal p, String idOrNumber) {
        p.require(Permission.MANAGE_CASE);
        CaseRecord c = get(p, idOrNumber);
        cases.delete(c.id());
        audit.record(p, "delete", "case", Ids.format(c.id()), CaseView.of(c), null);
    }

    /** Applies the optional fields of a create or update; closing requires a resolution and a summary. */
    private CaseRecord apply(Principal p, JsonInput in, CaseRecord c, long now) {
        int severity = in.integer("severity").orElse(c.severity());
        if (severity < 1 || severity > 4) throw new Invalid("Field severity of case must be 1 (low) to 4 (critical), not " + severity);
        int tlp = in.hasValue("tlp") ? Tlp.fromJson(in.raw("tlp"), "tlp") : c.tlp();
        int pap = in.hasValue("pap") ? Pap.fromJson(in.raw("pap"), "pap") : c.pap();
        boolean flag = in.bool("flag").orElse(c.flag());
        long startDate = in.epochMillis("startDate").orElse(c.startDate());
        Long endDate = in.has("endDate") ? in.epochMillis("endDate").orElse(null) : c.endDate();
        List<String> tags = in.strings("tags", 500, 512).map(TagRepository::clean).orElse(c.tags());
        String summary = in.has("summary") ? in.string("summary", MAX_TEXT).orElse(null) : c.summary();
        String assignee = c.assignee();
        for (String field : List.of("assignee", "user")) {
            if (in.has(field)) {
                assignee = in.string(field, 256).filter(s -> !s.isBlank()).orElse(null);
                if (assignee != null && !users.isMember(assignee, p.orgId())) {
                    throw new Invalid("Assignee " + assignee + " is not a user of organisation " + p.orgName());
                }
            }
        }
        String status = in.string("status", 32).map(CaseStatus::parse).orElse(c.status());
        String resolution = in.has("resolutionStatus") ? in.string("resolutionStatus", 64).map(CaseStatus::resolution).orElse(null) : c.resolutionStatus();
        String impact = in.has("impactStatus") ? in.string("impactStatus", 64).map(CaseStatus::impact).orElse(null) : c.impactStatus();
        if (CaseStatus.isClosed(status) && !CaseStatus.isClosed(c.status()) || CaseStatus.isClosed(status) && in.has("status")) {
            if (resolution == null) throw new Invalid("Closing a case requires resolutionStatus (" + String.join(", ", CaseStatus.RESOLUTIONS) + ")");
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
                c.updatedAt(), tags);
    }
}
