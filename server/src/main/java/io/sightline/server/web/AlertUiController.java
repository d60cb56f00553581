package io.sightline.server.web;

import io.sightline.server.alerts.AlertBulkAction;
import io.sightline.server.alerts.AlertBulkService;
import io.sightline.server.alerts.AlertChanges;
import io.sightline.server.alerts.AlertOutcome;
import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertService;
import io.sightline.server.alerts.AlertView;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.caseassembly.CaseParts;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.BulkIds;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.query.QueryService;
import io.sightline.server.query.thehive.TheHiveQueryReader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Alert list (sorted, paged, to triage by default; bulk actions with one result per alert) and
 * alert page: promote to a new case, merge into an existing one found by search, or ignore.
 */
@Controller
public class AlertUiController {
    static final List<String> STATUSES = List.of("New", "Updated", "Ignored", "Imported");
    /** Cases offered as merge targets for one search. */
    static final int MERGE_TARGETS = 8;

    private final AlertService alerts;
    private final AlertBulkService bulk;
    private final QueryService queries;
    private final TheHiveQueryReader queryReader;
    private final ObservableRows rows;
    private final CaseService cases;
    private final AuditTrail auditTrail;

    public AlertUiController(AlertService alerts, AlertBulkService bulk, QueryService queries, TheHiveQueryReader queryReader,
                             ObservableRows rows, CaseService cases, AuditTrail auditTrail) {
        this.alerts = alerts;
        this.bulk = bulk;
        this.queries = queries;
        this.queryReader = queryReader;
        this.rows = rows;
        this.cases = cases;
        this.auditTrail = auditTrail;
    }

    @GetMapping("/alerts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer severity, @RequestParam(required = false) String tlp,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String source,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(required = false) Integer size, @RequestParam(defaultValue = "1") int page, Model model) {
        AlertListRequest request = AlertListRequest.of(q, status, severity, tlp, tag, source, sort, dir, size, page);
        model.addAttribute("result", request.query().run(queries, queryReader, CurrentPrincipal.get(), request.page(), request.size()));
        model.addAttribute("filters", request.shown());
        FormErrors listErrors = new FormErrors();
        request.errors().forEach(listErrors::add);
        model.addAttribute("listErrors", listErrors);
        model.addAttribute("headings", request.headingsByColumn());
        model.addAttribute("pageBase", request.pageBase());
        model.addAttribute("sizes", AlertListRequest.SIZES);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("tlps", CaseUiController.TLPS);
        return "alerts/list";
    }

    /**
     * The selected alerts, one action: each alert's result is shown on the page the form came from.
     * A deletion is first shown for confirmation (a page, so it works without scripts).
     */
    @PostMapping("/alerts/bulk")
    String bulk(@RequestParam(required = false) List<String> ids, @RequestParam(required = false) String action,
                @RequestParam(required = false) String caseNumber, @RequestParam(required = false) String caseQuery,
                @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request, Model model,
                RedirectAttributes flash) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_ALERT);
        String back = confirmed ? "/alerts" : UiAdvice.sameSiteReferer(request);
        if (ids == null || ids.isEmpty()) return refusedAt(flash, back, "ids", "Select at least one alert");
        BulkIds selected = new BulkIds("alert", ids);
        AlertBulkAction act = AlertBulkAction.parse(action);
        String target = null;
        if (act == AlertBulkAction.MERGE) {
            try {
                target = mergeTarget(p, caseNumber, caseQuery);
            } catch (Invalid e) {
                return refusedAt(flash, back, "caseNumber", e.getMessage());
            }
        }
        if (act == AlertBulkAction.DELETE && !confirmed) {
            model.addAttribute("doomed", selected.ids().stream().map(id -> alerts.get(p, id)).toList());
            return "alerts/confirm-delete";
        }
        List<AlertOutcome> outcomes = bulk.apply(p, act, selected, target);
        long done = outcomes.stream().filter(AlertOutcome::done).count();
        flash.addFlashAttribute("bulkResults", outcomes);
        flash.addFlashAttribute(done == outcomes.size() ? "notice" : "error",
                done + " of " + outcomes.size() + " alerts: " + act.label() + " done" + (done == outcomes.size() ? "" : "; see the refusals below"));
        return "redirect:" + back;
    }

    /** Cases whose number or title matches what was typed, as choices of a merge form (an htmx fragment). */
    @GetMapping("/alerts/merge-targets")
    String mergeTargets(@RequestParam(required = false) String caseQuery, Model model) {
        model.addAttribute("targets", searchCases(CurrentPrincipal.get(), caseQuery));
        model.addAttribute("caseQuery", caseQuery == null ? "" : caseQuery);
        return "alerts/merge-targets :: targets";
    }

    @GetMapping("/alerts/{id}")
    String page(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        Principal p = CurrentPrincipal.get();
        AlertRecord a = alerts.get(p, "~" + id);
        ObservableTable table = rows.ofAlert(p, a, ObservableFilters.from(params));
        String caseQuery = params.get("caseQuery");
        model.addAttribute("a", AlertView.of(a, table.page().all()));
        model.addAttribute("table", table);
        model.addAttribute("sourceLink", UiFormat.webLink(a.externalLink()));
        // a case restricted to others stays unnamed: the alert says only that it was imported
        model.addAttribute("importedInto", a.caseId() == null ? null : cases.find(p, a.caseId()).orElse(null));
        // without scripts the case search reloads this page with the matches
        model.addAttribute("caseQuery", caseQuery == null ? "" : caseQuery);
        model.addAttribute("targets", Forms.blank(caseQuery) ? List.of() : searchCases(p, caseQuery));
        model.addAttribute("history", p.can(Permission.READ_AUDIT) ? auditTrail.ofAlert(p, a) : null);
        return "alerts/page";
    }

    @PostMapping("/alerts/{id}/promote")
    String promote(@PathVariable long id, RedirectAttributes flash) {
        CaseRecord c = alerts.promote(CurrentPrincipal.get(), "~" + id, CaseChanges.NONE, CaseParts.NONE);
        flash.addFlashAttribute("notice", "Alert promoted to case #" + c.number());
        return "redirect:/cases/" + c.number();
    }

    /** A refused merge (no such case, a closed one…) shows the alert again with the case number typed and why. */
    @PostMapping("/alerts/{id}/merge")
    String merge(@PathVariable long id, @RequestParam(required = false) String caseNumber,
                 @RequestParam(required = false) String caseQuery, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        try {
            CaseRecord c = alerts.merge(p, "~" + id, mergeTarget(p, caseNumber, caseQuery));
            flash.addFlashAttribute("notice", "Alert merged into case #" + c.number());
            return "redirect:/cases/" + c.number();
        } catch (Invalid | NotFound refused) {
            // back to the alert with what was typed, so the analyst corrects it or picks among the matches
            String typed = Forms.blank(caseQuery) ? caseNumber : caseQuery;
            String back = "/alerts/" + id + (Forms.blank(typed) ? ""
                    : "?caseQuery=" + java.net.URLEncoder.encode(typed.trim(), java.nio.charset.StandardCharsets.UTF_8));
            return refusedAt(flash, back, "caseNumber", refused.getMessage());
        }
    }

    @PostMapping("/alerts/{id}/ignore")
    String ignore(@PathVariable long id, RedirectAttributes flash) {
        alerts.update(CurrentPrincipal.get(), "~" + id, AlertChanges.NONE.withStatus("Ignored"));
        flash.addFlashAttribute("notice", "Alert ignored");
        return "redirect:/alerts/" + id;
    }

    /**
     * The case a merge goes to: the one picked among the search's matches, else the one case the
     * typed search matches (forms sent without scripts). Its existence is checked by the service.
     */
    private String mergeTarget(Principal p, String caseNumber, String caseQuery) {
        if (!Forms.blank(caseNumber)) return caseNumber.trim().replaceFirst("^#", "");
        if (Forms.blank(caseQuery)) throw new Invalid("Choose the case to merge into");
        List<Map<String, Object>> found = searchCases(p, caseQuery);
        if (found.size() != 1) {
            throw new Invalid(found.isEmpty() ? "No case matches '" + caseQuery.trim() + "'"
                    : found.size() + (found.size() == MERGE_TARGETS ? " or more" : "") + " cases match '"
                    + caseQuery.trim() + "'; pick one");
        }
        return String.valueOf(found.get(0).get("number"));
    }

    private List<Map<String, Object>> searchCases(Principal p, String text) {
        if (Forms.blank(text)) return List.of();
        return new ListQuery("listCase").numberOrTitle(text).run(queries, queryReader, p, 1, MERGE_TARGETS).rows();
    }

    private static String refusedAt(RedirectAttributes flash, String back, String field, String message) {
        FormErrors errors = new FormErrors();
        errors.add(field, message);
        flash.addFlashAttribute("formErrors", errors);
        flash.addFlashAttribute("error", message);
        return "redirect:" + back;
    }
}
