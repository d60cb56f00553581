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
import io.sightline.server.observables.NewObservable;
import io.sightline.server.observables.ObservableChanges;
import io.sightline.server.observables.ObservableDrafts;
import io.sightline.server.observables.ObservableRecord;
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

/** The Observables tab of a case: add (values or a file), edit, delete, download. */
@Controller
public class ObservableUiController {
    private final ObservableService observables;
    private final ObservableDrafts drafts;
    private final CaseService cases;
    private final AttachmentStore files;
    private final ObservableRows rows;

    public ObservableUiController(ObservableService observables, ObservableDrafts drafts, CaseService cases,
                                  AttachmentStore files, ObservableRows rows) {
        this.observables = observables;
        this.drafts = drafts;
        this.cases = cases;
        this.files = files;
        this.rows = rows;
    }

    /** Adds one observable per value line (or the uploaded file); refused values are listed, the others kept. */
    @PostMapping("/cases/{number}/observables")
    String add(@PathVariable long number, @RequestParam Map<String, String> form,
               @RequestParam(value = "attachment", required = false) MultipartFile file,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_OBSERVABLE);
        CaseRecord c = cases.get(p, String.valueOf(number));
        String dataType = form.getOrDefault("dataType", "");
        Tlp tlp = CaseUiController.level(form.get("tlp"), Tlp::parse);
        String message = Forms.blank(form.get("message")) ? null : form.get("message");
        List<String> tags = Forms.tags(form.get("tags"));
        ObservableService.Outcome outcome;
        if ("file".equals(dataType)) {
            NewObservable upload = new NewObservable(dataType, null, message, tlp, null, form.containsKey("ioc"),
                    form.containsKey("sighted"), null, null, tags);
            // a refused upload keeps neither its file nor its row
            outcome = withUpload(file, attachment -> observables.add(p, c.id(), null, drafts.of(upload, attachment)));
        } else {
            List<String> values = Forms.lines(form.get("data"));
            if (values.isEmpty()) throw new Invalid("Enter a value (or several, one per line)");
            NewObservable typed = new NewObservable(dataType, values, message, tlp, null, form.containsKey("ioc"),
                    form.containsKey("sighted"), null, null, tags);
            outcome = observables.add(p, c.id(), null, drafts.of(typed, null));
        }
        List<String> refused = new ArrayList<>();
        for (Map<String, Object> f : outcome.failures()) refused.add(String.valueOf(f.get("message")));
        String notice = outcome.created().size() + " observable" + (outcome.created().size() == 1 ? "" : "s") + " added";
        if (htmx == null) {
            flash.addFlashAttribute("notice", notice);
            if (!refused.isEmpty()) flash.addFlashAttribute("error", String.join("\n", refused));
            return "redirect:/cases/" + number + "?tab=observables";
        }
        rows.addTo(model, p, c);
        model.addAttribute("c", Map.of("number", c.number()));
        model.addAttribute("notice", notice);
        model.addAttribute("refused", refused);
        return "observables/list :: list";
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
}
