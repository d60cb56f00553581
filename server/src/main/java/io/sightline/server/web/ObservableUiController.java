package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Change;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertService;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.connectors.cortex.AnalyzerRuns;
import io.sightline.server.core.DomainException;
import io.sightline.server.observables.BulkObservableAction;
import io.sightline.server.observables.BulkOutcome;
import io.sightline.server.observables.DraftProblem;
import io.sightline.server.observables.ObservableBulkService;
import io.sightline.server.observables.NewObservable;
import io.sightline.server.observables.ObservableChanges;
import io.sightline.server.observables.ObservableDrafts;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRefusal;
import io.sightline.server.observables.ObservableService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The observables of a case (its Observables tab) and of an alert: the table (filters, sort, pages,
 * actions on a selection), add (values or a file), edit, delete, download.
 */
@Controller
public class ObservableUiController {
    private final ObservableService observables;
    private final ObservableBulkService bulk;
    private final AnalyzerRuns analyzerRuns;
    private final ObservableDrafts drafts;
    private final ObservableTypes types;
    private final CaseService cases;
    private final AlertService alerts;
    private final AttachmentStore files;
    private final ObservableRows rows;

    public ObservableUiController(ObservableService observables, ObservableBulkService bulk, AnalyzerRuns analyzerRuns,
                                  ObservableDrafts drafts, ObservableTypes types, CaseService cases, AlertService alerts,
                                  AttachmentStore files, ObservableRows rows) {
        this.observables = observables;
        this.bulk = bulk;
        this.analyzerRuns = analyzerRuns;
        this.drafts = drafts;
        this.types = types;
        this.cases = cases;
        this.alerts = alerts;
        this.files = files;
        this.rows = rows;
    }

    /**
     * Adds one observable per value line (or the uploaded file). All or nothing: when any field or
     * line breaks a rule, nothing is added and the form comes back as typed with each message at its
     * field (each refused line by its number). A value the case already holds is merged into it.
     */
    @PostMapping("/cases/{number}/observables")
    String add(@PathVariable long number, @RequestParam Map<String, String> form,
               @RequestParam(value = "attachment", required = false) MultipartFile file,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_OBSERVABLE);
        CaseRecord c = cases.get(p, String.valueOf(number));
        ObservableForm typed = ObservableForm.of(form);
        String dataType = form.getOrDefault("dataType", "");
        FormErrors refused = new FormErrors();
        Tlp tlp = null;
        try {
            tlp = CaseUiController.level(form.get("tlp"), Tlp::parse);
        } catch (DomainException e) {
            refused.add("tlp", e.getMessage());
        }
        ValueLines lines = ValueLines.of(form.get("data"));
        boolean upload = types.isAttachment(dataType);
        NewObservable n = new NewObservable(dataType, upload ? null : lines.values(),
                Forms.blank(form.get("message")) ? null : form.get("message"), tlp, null, form.containsKey("ioc"),
                form.containsKey("sighted"), null, null, Forms.tags(form.get("tags")));
        for (DraftProblem d : drafts.problems(n, file != null && !file.isEmpty())) {
            refused.add(d.field(), d.value() < 0 ? d.message() : "Line " + lines.lineOf(d.value()) + ": " + d.message());
        }
        if (refused.any()) {
            if (htmx == null) {
                flash.addFlashAttribute("obsForm", typed);
                flash.addFlashAttribute("obsProblems", refused);
                flash.addFlashAttribute("error", "Nothing was added: correct the fields marked below");
                return "redirect:/cases/" + number + "?tab=observables#add-observable";
            }
            return tab(model, p, c, typed, refused, null, List.of());
        }
        ObservableService.Outcome outcome = upload
                ? withUpload(file, attachment -> observables.addOrMerge(p, c.id(), null, drafts.of(n, attachment)))
                : observables.addOrMerge(p, c.id(), null, drafts.of(n, null));
        List<String> notices = new ArrayList<>();
        int added = outcome.created().size() - outcome.merged().size();
        if (added > 0 || outcome.merged().isEmpty()) notices.add(added + " observable" + (added == 1 ? "" : "s") + " added");
        if (!outcome.merged().isEmpty()) {
            notices.add("Already in the case, tags and flags merged: " + String.join(", ",
                    outcome.merged().stream().map(ObservableRecord::shown).toList()));
        }
        List<String> failures = outcome.failures().stream().map(ObservableRefusal::message).toList();
        if (htmx == null) {
            flash.addFlashAttribute("notice", String.join(". ", notices));
            if (!failures.isEmpty()) flash.addFlashAttribute("error", String.join("\n", failures));
            return "redirect:/cases/" + number + "?tab=observables";
        }
        return tab(model, p, c, failures.isEmpty() ? typed.next() : typed, FormErrors.none(), notices, failures);
    }

    /** The Observables tab after an add: the form, what the add did, and the table with the newest first. */
    private String tab(Model model, Principal p, CaseRecord c, ObservableForm form, FormErrors problems,
                       List<String> notices, List<String> failures) {
        model.addAttribute("obsForm", form);
        model.addAttribute("obsProblems", problems);
        rows.addTo(model, p, c, new ObservableFilters(null, null, null, "added", true, 1));
        model.addAttribute("c", Map.of("number", c.number()));
        model.addAttribute("addNotices", notices == null ? List.of() : notices);
        model.addAttribute("addFailures", failures);
        return "observables/list :: tab";
    }

    /** The case's table for htmx (filters, sort, page); without htmx, the case page with the same filters. */
    @GetMapping("/cases/{number}/observables")
    String caseList(@PathVariable long number, @RequestParam Map<String, String> params,
                    @RequestHeader(value = "HX-Request", required = false) String htmx,
                    @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
        Principal p = CurrentPrincipal.get();
        ObservableFilters filters = ObservableFilters.from(params);
        if (htmx == null || restore != null) return "redirect:/cases/" + number + "?tab=observables&" + filters.queryString();
        model.addAttribute("table", rows.ofCase(p, cases.get(p, String.valueOf(number)), filters));
        return "observables/list :: list";
    }

    @GetMapping("/alerts/{id}/observables")
    String alertList(@PathVariable long id, @RequestParam Map<String, String> params,
                     @RequestHeader(value = "HX-Request", required = false) String htmx,
                    @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
        Principal p = CurrentPrincipal.get();
        ObservableFilters filters = ObservableFilters.from(params);
        if (htmx == null || restore != null) return "redirect:/alerts/" + id + "?" + filters.queryString();
        model.addAttribute("table", rows.ofAlert(p, alerts.get(p, "~" + id), filters));
        return "observables/list :: list";
    }

    /** One action on the observables selected in a case's table; each is changed or refused with its reason. */
    @PostMapping("/cases/{number}/observables/bulk")
    String caseBulk(@PathVariable long number, @RequestParam(value = "ids", required = false) List<Long> ids,
                    @RequestParam Map<String, String> form, @RequestHeader(value = "HX-Request", required = false) String htmx,
                    Model model, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        CaseRecord c = cases.get(p, String.valueOf(number));
        BulkResult result = bulk(p, c.id(), null, ids, form);
        ObservableFilters filters = ObservableFilters.from(form);
        if (htmx == null) return result.flash(flash, "redirect:/cases/" + number + "?tab=observables&" + filters.queryString());
        model.addAttribute("table", rows.ofCase(p, c, filters));
        model.addAttribute("bulk", result);
        return "observables/list :: list";
    }

    @PostMapping("/alerts/{id}/observables/bulk")
    String alertBulk(@PathVariable long id, @RequestParam(value = "ids", required = false) List<Long> ids,
                     @RequestParam Map<String, String> form, @RequestHeader(value = "HX-Request", required = false) String htmx,
                     Model model, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        AlertRecord a = alerts.get(p, "~" + id);
        BulkResult result = bulk(p, null, a.id(), ids, form);
        ObservableFilters filters = ObservableFilters.from(form);
        if (htmx == null) return result.flash(flash, "redirect:/alerts/" + id + "?" + filters.queryString());
        model.addAttribute("table", rows.ofAlert(p, a, filters));
        model.addAttribute("bulk", result);
        return "observables/list :: list";
    }

    /** "3 changed, 1 refused" and each refusal as "value: reason", shown above the table. */
    public record BulkResult(String summary, List<String> refusals) {
        String flash(RedirectAttributes flash, String to) {
            flash.addFlashAttribute("notice", summary);
            if (!refusals.isEmpty()) flash.addFlashAttribute("error", String.join("\n", refusals));
            return to;
        }
    }

    private BulkResult bulk(Principal p, Long caseId, Long alertId, List<Long> ids, Map<String, String> form) {
        List<Long> chosen = ids == null ? List.of() : ids;
        String action = form.getOrDefault("action", "");
        BulkOutcome outcome;
        String word;
        if (action.equals("analyze")) {
            outcome = analyzerRuns.runAll(p, chosen); // each job checks its observable's organisation
            word = outcome.done().size() == 1 ? "analyzer job started" : "analyzer jobs started";
        } else {
            BulkObservableAction.Kind kind = switch (action) {
                case "ioc-on", "ioc-off" -> action.equals("ioc-on") ? BulkObservableAction.Kind.IOC_ON : BulkObservableAction.Kind.IOC_OFF;
                case "add-tags" -> BulkObservableAction.Kind.ADD_TAGS;
                case "set-tlp" -> BulkObservableAction.Kind.SET_TLP;
                case "delete" -> BulkObservableAction.Kind.DELETE;
                default -> throw new Invalid("Choose an action for the selected observables");
            };
            Tlp tlp = kind == BulkObservableAction.Kind.SET_TLP ? CaseUiController.level(form.get("bulkTlp"), Tlp::parse) : null;
            outcome = bulk.apply(p, caseId, alertId, chosen,
                    new BulkObservableAction(kind, Forms.tags(form.get("bulkTags")), tlp));
            word = kind == BulkObservableAction.Kind.DELETE ? "deleted" : "changed";
        }
        return new BulkResult(outcome.summary(word),
                outcome.refused().stream().map(r -> r.shown() + ": " + r.message()).toList());
    }

    @GetMapping("/observables/{id}")
    String row(@PathVariable long id, Model model) {
        Principal p = CurrentPrincipal.get();
        model.addAttribute("row", rows.row(p, observables.get(p, "~" + id)));
        return "observables/row :: row";
    }

    @GetMapping("/observables/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_OBSERVABLE);
        model.addAttribute("row", rows.row(p, observables.get(p, "~" + id)));
        model.addAttribute("tlps", CaseUiController.TLPS);
        return "observables/row :: edit";
    }

    @PostMapping("/observables/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Principal p = CurrentPrincipal.get();
        ObservableChanges changes = new ObservableChanges(Change.to(form.getOrDefault("message", "")),
                CaseUiController.level(form.get("tlp"), Tlp::parse), null, form.containsKey("ioc"),
                form.containsKey("sighted"), null, null, Forms.tags(form.get("tags")));
        ObservableRecord o = observables.update(p, "~" + id, changes);
        if (htmx == null) return "redirect:" + back(o);
        model.addAttribute("row", rows.row(p, o));
        return "observables/row :: row";
    }

    @PostMapping("/observables/{id}/delete")
    @ResponseBody
    ResponseEntity<String> delete(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Principal p = CurrentPrincipal.get();
        ObservableRecord o = observables.get(p, "~" + id);
        String back = back(o);
        observables.delete(p, "~" + id);
        if (htmx == null) return ResponseEntity.status(303).header(HttpHeaders.LOCATION, back).build();
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("");
    }

    @GetMapping("/observables/{id}/download")
    @ResponseBody
    ResponseEntity<Resource> download(@PathVariable long id) {
        ObservableRecord o = observables.get(CurrentPrincipal.get(), "~" + id);
        if (o.attachment() == null) throw new NotFound("Observable ~" + id + " has no file");
        var path = files.file(o.attachment()).orElseThrow(() -> new NotFound("The file of observable ~" + id + " is missing"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(o.attachment().name()).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(path));
    }

    private String back(ObservableRecord o) {
        if (o.caseId() != null) return "/cases/" + cases.get(CurrentPrincipal.get(), "~" + o.caseId()).number() + "?tab=observables";
        return "/alerts/" + o.alertId();
    }

    private <T> T withUpload(MultipartFile file, java.util.function.Function<Attachment, T> use) {
        if (file == null || file.isEmpty()) throw new Invalid("Choose a file to upload for an observable of type file");
        String name = Forms.blank(file.getOriginalFilename()) ? "attachment" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return files.upload(name, file.getContentType(), in, use);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value lines of the form's text area: each non-blank line trimmed, a line repeated word for word kept once. */
    record ValueLines(List<String> values, List<Integer> lineNumbers) {
        static ValueLines of(String text) {
            List<String> values = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            if (text != null) {
                String[] lines = text.split("\\r?\\n", -1);
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < lines.length; i++) {
                    String v = lines[i].trim();
                    if (!v.isEmpty() && seen.add(v)) {
                        values.add(v);
                        numbers.add(i + 1);
                    }
                }
            }
            return new ValueLines(values, numbers);
        }

        int lineOf(int valueIndex) {
            return lineNumbers.get(valueIndex);
        }
    }
}
