package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.UserService;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseStatus;
import io.sightline.server.cases.CaseView;
import io.sightline.server.cases.NewCase;
import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.customfields.CustomFieldValues;
import io.sightline.server.customfields.CustomFieldValuesView;
import io.sightline.server.customfields.ValueOwner;
import io.sightline.server.query.QueryService;
import io.sightline.server.query.thehive.TheHiveQueryReader;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case list, creation and the case page (details, status, closing, audit trail). */
@Controller
public class CaseUiController {
    static final List<String> TLPS = List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");
    /** Where the case rules' messages point in the create and edit forms. */
    private static final FormErrors.Hint[] CASE_FIELDS = {FormErrors.hint("title", "title"),
            FormErrors.hint("description", "description"), FormErrors.hint("severity", "severity"),
            FormErrors.hint("tags", "tags"), FormErrors.hint("tag", "tags"), FormErrors.hint("assignee", "assignee"),
            FormErrors.hint("tlp", "tlp"), FormErrors.hint("pap", "pap")};

    private final CaseService cases;
    private final QueryService queries;
    private final TheHiveQueryReader queryReader;
    private final UserService users;
    private final ObservableRows observableRows;
    private final AuditTrail auditTrail;
    private final CustomFieldValues customFields;

    public CaseUiController(CaseService cases, QueryService queries, TheHiveQueryReader queryReader, UserService users, ObservableRows observableRows,
                            AuditTrail auditTrail, CustomFieldValues customFields) {
        this.customFields = customFields;
        this.cases = cases;
        this.queries = queries;
        this.queryReader = queryReader;
        this.users = users;
        this.observableRows = observableRows;
        this.auditTrail = auditTrail;
    }

    /**
     * The case list. Besides the shared filters, {@code stage} ({@code open} or {@code closed})
     * keeps the cases of any open or any closed status, as the home page's links ask.
     */
    @GetMapping("/cases")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer severity, @RequestParam(required = false) String tlp,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String assignee,
                @RequestParam(required = false) String stage, @RequestParam(defaultValue = "1") int page, Model model) {
        Principal p = CurrentPrincipal.get();
        ListFilters filters = new ListFilters(q, status, severity, tlp, tag, "assignee", assignee);
        ListQuery query = filters.query("listCase");
        List<String> stageStatuses = stageStatuses(stage);
        if (stageStatuses != null) query.in("status", stageStatuses);
        // Cases are known by their number: the newest number first.
        model.addAttribute("result", query.run(queries, queryReader, p, page, "number"));
        model.addAttribute("filtered", filters.any() || stageStatuses != null);
        Map<String, Object> shown = new java.util.HashMap<>(filters.shown());
        shown.put("stage", stageStatuses == null ? "" : stage.trim().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("filters", shown);
        model.addAttribute("pageBase", Forms.pageBase("/cases", shown));
        model.addAttribute("statuses", statuses());
        model.addAttribute("tlps", TLPS);
        model.addAttribute("users", users.list(p));
        return "cases/list";
    }

    /** The statuses of a stage, or {@code null} for none asked. */
    private static List<String> stageStatuses(String stage) {
        if (Forms.blank(stage)) return null;
        return switch (stage.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "open" -> CaseStatus.OPEN;
            case "closed" -> CaseStatus.CLOSED;
            default -> throw new Invalid("Stage must be open or closed, not '" + stage + "'");
        };
    }

    @GetMapping("/cases/new")
    String newCase(Model model) {
        CurrentPrincipal.require(Permission.MANAGE_CASE);
        model.addAttribute("form", Map.of());
        model.addAttribute("tlps", TLPS);
        return "cases/new";
    }

    /** A refused case is shown again with what was typed and the refusals at their fields. */
    @PostMapping("/cases")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Principal p = CurrentPrincipal.get();
        FormErrors errors = new FormErrors();
        Integer severity = errors.read("severity", () -> Forms.number("severity", form.get("severity")));
        Tlp tlp = errors.read("tlp", () -> level(form.get("tlp"), Tlp::parse));
        Pap pap = errors.read("pap", () -> level(form.get("pap"), Pap::parse));
        if (!errors.any()) {
            try {
                NewCase newCase = new NewCase(form.getOrDefault("title", ""), form.getOrDefault("description", ""),
                        severity, tlp, pap, null, null, null, Forms.tags(form.get("tags")), null, null, null, null, null);
                CaseRecord c = cases.create(p, newCase);
                return "redirect:/cases/" + c.number();
            } catch (DomainException e) {
                errors.refused(e, CASE_FIELDS);
            }
        }
        response.setStatus(errors.status());
        model.addAttribute("form", form);
        model.addAttribute("tlps", TLPS);
        model.addAttribute("formErrors", errors);
        return "cases/new";
    }

    @GetMapping("/cases/{number}")
    String page(@PathVariable long number, @RequestParam(defaultValue = "details") String tab,
                @RequestParam Map<String, String> params, Model model) {
        Principal p = CurrentPrincipal.get();
        CaseRecord c = cases.get(p, String.valueOf(number));
        model.addAttribute("c", CaseView.of(c));
        // a case is seen only in the organisation that owns it (CaseVisibility), the one the caller acts in
        model.addAttribute("ownerOrganisation", p.orgName());
        model.addAttribute("tab", tab);
        model.addAttribute("statuses", statuses());
        model.addAttribute("openStatuses", CaseStatus.OPEN);
        model.addAttribute("resolutions", CaseStatus.RESOLUTIONS);
        model.addAttribute("impacts", CaseStatus.IMPACTS);
        model.addAttribute("tlps", TLPS);
        model.addAttribute("paps", java.util.Arrays.stream(Pap.values()).map(Pap::name).toList());
        model.addAttribute("users", users.list(p));
        model.addAttribute("closed", CaseStatus.isClosed(c.status()));
        model.addAttribute("customFields", CustomFieldValuesView.list(customFields.of(ValueOwner.Kind.CASE, c.id())));
        switch (tab) {
            case "observables" -> observableRows.addTo(model, p, c, ObservableFilters.from(params));
            case "audit" -> model.addAttribute("audit", p.can(Permission.READ_AUDIT)
                    ? auditTrail.ofCase(p, c) : null);
            default -> { }
        }
        return "cases/page";
    }

    /** Refused changes show the case again with the edit form open, what was typed kept and the refusals at their fields. */
    @PostMapping("/cases/{number}/details")
    String update(@PathVariable long number, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        Integer severity = errors.read("severity", () -> Forms.number("severity", form.get("severity")));
        Tlp tlp = errors.read("tlp", () -> level(form.get("tlp"), Tlp::parse));
        Pap pap = errors.read("pap", () -> level(form.get("pap"), Pap::parse));
        if (!errors.any()) {
            try {
                CaseChanges changes = new CaseChanges(given(form, "title"), given(form, "description"), severity, tlp, pap,
                        null, null, Change.keep(), form.containsKey("tags") ? Forms.tags(form.get("tags")) : null, Change.keep(),
                        given(form, "assignee"), null, Change.keep(), Change.keep());
                cases.update(CurrentPrincipal.get(), String.valueOf(number), changes);
                flash.addFlashAttribute("notice", "Case updated");
                return "redirect:/cases/" + number;
            } catch (DomainException e) {
                if (e instanceof NotFound) throw e; // the case itself: an error page, not a form message
                errors.refused(e, CASE_FIELDS);
            }
        }
        String shown = page(number, "details", Map.of(), model);
        response.setStatus(errors.status());
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        return shown;
    }

    @PostMapping("/cases/{number}/status")
    String status(@PathVariable long number, @RequestParam String status, RedirectAttributes flash) {
        cases.update(CurrentPrincipal.get(), String.valueOf(number), CaseChanges.NONE.withStatus(status));
        flash.addFlashAttribute("notice", "Status set to " + status);
        return "redirect:/cases/" + number;
    }

    @PostMapping("/cases/{number}/close")
    String close(@PathVariable long number, @RequestParam String status,
                 @RequestParam(required = false) String impactStatus, @RequestParam String summary, RedirectAttributes flash) {
        CaseChanges closing = CaseChanges.closing(status, Forms.blank(impactStatus) ? null : impactStatus, summary);
        cases.update(CurrentPrincipal.get(), String.valueOf(number), closing);
        flash.addFlashAttribute("notice", "Case closed as " + status);
        return "redirect:/cases/" + number;
    }

    /** A form field sent (possibly empty) is a change; one not sent is kept. */
    private static Change<String> given(Map<String, String> form, String field) {
        return form.containsKey(field) ? Change.to(form.get(field)) : Change.keep();
    }

    /** A TLP or PAP picked in a form; none picked leaves it as it is (or the default). */
    static <T> T level(String text, java.util.function.Function<String, T> parse) {
        return Forms.blank(text) ? null : parse.apply(text);
    }

    static List<String> statuses() {
        return java.util.stream.Stream.concat(CaseStatus.OPEN.stream(), CaseStatus.CLOSED.stream()).toList();
    }
}
