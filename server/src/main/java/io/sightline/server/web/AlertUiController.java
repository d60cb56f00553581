package io.sightline.server.web;

import io.sightline.server.alerts.AlertChanges;
import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertService;
import io.sightline.server.alerts.AlertView;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.caseassembly.CaseParts;
import io.sightline.server.cases.CaseChanges;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.query.QueryService;
import io.sightline.server.query.thehive.TheHiveQueryReader;
import io.sightline.server.core.DomainException;
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

/** Alert list and alert page: promote to a new case, merge into an existing one, or ignore. */
@Controller
public class AlertUiController {
    static final List<String> STATUSES = List.of("New", "Updated", "Ignored", "Imported");

    private final AlertService alerts;
    private final QueryService queries;
    private final TheHiveQueryReader queryReader;
    private final ObservableRows rows;
    private final CaseService cases;

    public AlertUiController(AlertService alerts, QueryService queries, TheHiveQueryReader queryReader, ObservableRows rows, CaseService cases) {
        this.alerts = alerts;
        this.queries = queries;
        this.queryReader = queryReader;
        this.rows = rows;
        this.cases = cases;
    }

    @GetMapping("/alerts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer severity, @RequestParam(required = false) String tlp,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String source,
                @RequestParam(defaultValue = "1") int page, Model model) {
        ListFilters filters = new ListFilters(q, status, severity, tlp, tag, "source", source);
        model.addAttribute("result", filters.query("listAlert").run(queries, queryReader, CurrentPrincipal.get(), page));
        Map<String, Object> shown = filters.shown();
        model.addAttribute("filters", shown);
        model.addAttribute("pageBase", Forms.pageBase("/alerts", shown));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("tlps", CaseUiController.TLPS);
        return "alerts/list";
    }

    @GetMapping("/alerts/{id}")
    String page(@PathVariable long id, Model model) {
        Principal p = CurrentPrincipal.get();
        return page(p, alerts.get(p, "~" + id), model);
    }

    private String page(Principal p, AlertRecord a, Model model) {
        List<ObservableRow> observableRows = rows.ofAlert(p, a);
        model.addAttribute("a", AlertView.of(a, observableRows.size()));
        model.addAttribute("rows", observableRows);
        model.addAttribute("importedInto", a.caseId() == null ? null : cases.get(p, Ids.format(a.caseId())));
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
    String merge(@PathVariable long id, @RequestParam String caseNumber, Model model, HttpServletResponse response,
                 RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        AlertRecord alert = alerts.get(p, "~" + id);
        FormErrors errors = new FormErrors();
        String number = caseNumber.trim().replaceFirst("^#", "");
        if (number.isEmpty()) errors.add("caseNumber", "Give the number of the case to merge into");
        if (!errors.any()) {
            try {
                CaseRecord c = alerts.merge(p, "~" + id, number);
                flash.addFlashAttribute("notice", "Alert merged into case #" + c.number());
                return "redirect:/cases/" + c.number();
            } catch (DomainException e) {
                errors.refused(e, FormErrors.hint("case", "caseNumber"));
            }
        }
        response.setStatus(errors.status());
        model.addAttribute("form", Map.of("caseNumber", caseNumber));
        model.addAttribute("formErrors", errors);
        return page(p, alert, model);
    }

    @PostMapping("/alerts/{id}/ignore")
    String ignore(@PathVariable long id, RedirectAttributes flash) {
        alerts.update(CurrentPrincipal.get(), "~" + id, AlertChanges.NONE.withStatus("Ignored"));
        flash.addFlashAttribute("notice", "Alert ignored");
        return "redirect:/alerts/" + id;
    }
}
