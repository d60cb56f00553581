package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.intel.IntelDossier;
import io.sightline.server.intel.IntelReadService;
import io.sightline.server.intel.IntelReport;
import io.sightline.server.intel.IntelScope;
import io.sightline.server.observables.IntelMatches;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The intel store's pages: a search by value or by report and dossier name, a page per report and
 * per dossier with its objects and values (a page at a time) and the cases and alerts of the
 * caller's organisation that carry those values.
 */
@Controller
public class IntelUiController {
    private final IntelReadService intel;
    private final IntelMatches matches;

    public IntelUiController(IntelReadService intel, IntelMatches matches) {
        this.intel = intel;
        this.matches = matches;
    }

    @GetMapping("/intel")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        IntelReadService.SearchResult result = intel.search(CurrentPrincipal.get(), q, page);
        model.addAttribute("result", result);
        model.addAttribute("pageBase", Forms.pageBase("/intel", Map.of("q", result.query())));
        return "intel/search";
    }

    @GetMapping("/intel/reports/{ref}")
    String report(@PathVariable long ref, @RequestParam(defaultValue = "1") int objects,
                  @RequestParam(defaultValue = "1") int values, Model model) {
        Principal p = CurrentPrincipal.get();
        IntelReport report = intel.report(p, ref);
        addContents(p, new IntelScope.Report(ref), "/intel/reports/" + ref, Map.of(), objects, values, model);
        model.addAttribute("report", report);
        return "intel/report";
    }

    @GetMapping("/intel/dossier")
    String dossier(@RequestParam String source, @RequestParam String id, @RequestParam(defaultValue = "1") int objects,
                   @RequestParam(defaultValue = "1") int values, Model model) {
        Principal p = CurrentPrincipal.get();
        IntelDossier dossier = intel.dossier(p, source, id);
        addContents(p, new IntelScope.Dossier(source, id), "/intel/dossier", Map.of("source", source, "id", id),
                objects, values, model);
        model.addAttribute("dossier", dossier);
        return "intel/dossier";
    }

    /** Objects and values each paged on their own ("objects=", "values="), and the organisation's matches. */
    private void addContents(Principal p, IntelScope scope, String path, Map<String, Object> params, int objects, int values,
                             Model model) {
        model.addAttribute("objects", intel.objects(p, scope, objects));
        model.addAttribute("values", intel.values(p, scope, values));
        model.addAttribute("matches", matches.of(p, scope));
        Map<String, Object> keepValues = new LinkedHashMap<>(params);
        keepValues.put("values", values);
        Map<String, Object> keepObjects = new LinkedHashMap<>(params);
        keepObjects.put("objects", objects);
        model.addAttribute("objectsBase", Forms.pageBase(path, keepValues));
        model.addAttribute("valuesBase", Forms.pageBase(path, keepObjects));
    }
}
