package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.connectors.cortex.CortexJobRecord;
import io.sightline.server.connectors.cortex.CortexJobService;
import io.sightline.server.connectors.cortex.NewCortexJob;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.connectors.cortex.AnalyzerRuns;
import io.sightline.server.core.Invalid;
import io.sightline.server.observables.BulkOutcome;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an analyzer on an observable, shows the job's status (polled by htmx every 2 s until it
 * ends) and its report: the summary's taxonomies as coloured labels, the full report as a tree
 * with links (http and https only), the raw JSON behind a toggle.
 */
@Controller
public class AnalyzerUiController {
    private final CortexJobService jobs;
    private final ObservableService observables;
    private final ObservableRows rows;
    private final CaseService cases;
    private final JsonMapper json;
    private final AnalyzerRuns runs;

    public AnalyzerUiController(CortexJobService jobs, ObservableService observables, ObservableRows rows, CaseService cases,
                                JsonMapper json, AnalyzerRuns runs) {
        this.jobs = jobs;
        this.runs = runs;
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

    /**
     * "Run all": every analyzer accepting the observable's type; answers with its row, listing the new
     * jobs and what was refused. Nothing started at all is a refusal shown as any other.
     */
    @PostMapping("/observables/{id}/jobs/all")
    String runAll(@PathVariable long id, Model model) {
        Principal p = CurrentPrincipal.get();
        BulkOutcome outcome = runs.runAll(p, List.of(id));
        if (outcome.done().isEmpty() && !outcome.refused().isEmpty()) throw new Invalid(outcome.refused().get(0).message());
        model.addAttribute("row", rows.row(p, observables.get(p, "~" + id)));
        model.addAttribute("rowRefusals", outcome.refused().stream().map(BulkOutcome.Refusal::message).toList());
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
        JsonNode report = job.report() == null ? null : json.readTree(job.report());
        model.addAttribute("reportJson", report == null ? null : json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        model.addAttribute("badges", report == null ? List.of() : ReportBadge.ofReport(job.analyzerName(), report));
        model.addAttribute("tree", report == null ? null : ReportTree.of(report.has("full") ? report.get("full") : report));
        return "observables/report";
    }

    /** The number of the case holding the job's observable, for the way back; null for alert observables. */
    private Long caseNumberOf(String observableId) {
        Principal p = CurrentPrincipal.get();
        ObservableRecord o = observables.get(p, observableId);
        return o.caseId() == null ? null : cases.get(p, "~" + o.caseId()).number();
    }
}
