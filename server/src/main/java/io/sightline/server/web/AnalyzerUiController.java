package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.connectors.cortex.CortexJobs;
import io.sightline.server.observables.ObservableService;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an analyzer on an observable, shows the job's status (polled by htmx every 2 s until it
 * ends) and its full report, escaped and pretty-printed.
 */
@Controller
public class AnalyzerUiController {
    private final CortexJobs cortex;
    private final ObservableService observables;
    private final ObservableRows rows;
    private final CaseService cases;
    private final JsonMapper json;

    public AnalyzerUiController(CortexJobs cortex, ObservableService observables, ObservableRows rows, CaseService cases,
                                JsonMapper json) {
        this.cortex = cortex;
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
        ObjectNode body = Forms.object();
        body.put("analyzerId", analyzerId);
        if (!Forms.blank(cortexId)) body.put("cortexId", cortexId);
        body.put("artifactId", "~" + id);
        cortex.start(p, body);
        model.addAttribute("row", rows.row(p, observables.get(p, "~" + id)));
        return "observables/row :: row";
    }

    /** One job's status; once it has ended, the fragment reloads its row so the report badges appear. */
    @GetMapping("/jobs/{id}/status")
    String status(@PathVariable long id, Model model) {
        Map<String, Object> job = cortex.job(CurrentPrincipal.get(), "~" + id);
        model.addAttribute("job", job);
        model.addAttribute("justFinished", ended(job));
        return "observables/slots :: job";
    }

    @GetMapping("/jobs/{id}/report")
    String report(@PathVariable long id, Model model) {
        Map<String, Object> job = cortex.job(CurrentPrincipal.get(), "~" + id);
        model.addAttribute("job", job);
        model.addAttribute("caseNumber", caseNumberOf(String.valueOf(job.get("observableId"))));
        Object report = job.get("report");
        model.addAttribute("reportJson", report == null ? null
                : json.writerWithDefaultPrettyPrinter().writeValueAsString(report instanceof JsonNode n ? n : json.valueToTree(report)));
        return "observables/report";
    }

    /** The number of the case holding the job's observable, for the way back; null for alert observables. */
    private Long caseNumberOf(String observableId) {
        Principal p = CurrentPrincipal.get();
        ObservableRecord o = observables.get(p, observableId);
        return o.caseId() == null ? null : cases.get(p, "~" + o.caseId()).number();
    }

    static boolean ended(Map<String, Object> job) {
        Object status = job.get("status");
        return "Success".equals(status) || "Failure".equals(status) || "Deleted".equals(status);
    }
}
