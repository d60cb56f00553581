package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.connectors.cortex.CortexJobRecord;
import io.sightline.server.connectors.cortex.CortexJobService;
import io.sightline.server.connectors.cortex.NewCortexJob;
import io.sightline.server.observables.ObservableService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an analyzer on an observable, shows the job's status (polled by htmx every 2 s until it
 * ends) and its full report, escaped and pretty-printed.
 */
@Controller
public class AnalyzerUiController {
    private final CortexJobService jobs;
    private final ObservableService observables;
    private final ObservableRows rows;
    private final CaseService cases;
    private final JsonMapper json;

    public AnalyzerUiController(CortexJobService jobs, ObservableService observables, ObservableRows rows, CaseService cases,
                                JsonMapper json) {
        this.jobs = jobs;
        this.observables = observables;
        this.cases = cases;
        this.rows = rows;
        this.json = json;
    }

    /** Starts the job and answers with the observable's row, which lists the new job with its live status. */
    @PostMapping("/observables/{id}/jobs")
    String run(@PathVariable long id, @RequestParam String analyzerId, @RequestParam(required = false) String cortexId,
               Model model) {
        Principal p = CurrentPrincipal.get();
        jobs.create(p, new NewCortexJob("~" + id, analyzerId, Forms.blank(cortexId) ? null : cortexId, null));
        model.addAttribute("row", rows.row(p, observables.get(p, "~" + id)));
        return "observables/row :: row";
    }

    /** One job's status; once it has ended, the fragment reloads its row so the report badges appear. */
    @GetMapping("/jobs/{id}/status")
    String status(@PathVariable long id, Model model) {
        CortexJobRecord job = jobs.get(CurrentPrincipal.get(), "~" + id);
        model.addAttribute("job", job);
        model.addAttribute("justFinished", job.ended());
        return "observables/slots :: job";
    }

    @GetMapping("/jobs/{id}/report")
    String report(@PathVariable long id, Model model) {
        CortexJobRecord job = jobs.get(CurrentPrincipal.get(), "~" + id);
        model.addAttribute("job", job);
        model.addAttribute("caseNumber", caseNumberOf("~" + job.observableId()));
        model.addAttribute("reportJson", job.report() == null ? null
                : json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(job.report())));
        return "observables/report";
    }

    /** The number of the case holding the job's observable, for the way back; null for alert observables. */
    private Long caseNumberOf(String observableId) {
        Principal p = CurrentPrincipal.get();
        ObservableRecord o = observables.get(p, observableId);
        return o.caseId() == null ? null : cases.get(p, "~" + o.caseId()).number();
    }
}
