package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.observables.ObservableInput;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Observables tab of a case: add (values or a file), edit, delete, download. */
@Controller
public class ObservableUiController {
    private final ObservableService observables;
    private final ObservableInput input;
    private final CaseService cases;
    private final AttachmentStore files;
    private final ObservableRows rows;

    public ObservableUiController(ObservableService observables, ObservableInput input, CaseService cases,
                                  AttachmentStore files, ObservableRows rows) {
        this.observables = observables;
        this.input = input;
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
        ObjectNode body = Forms.object().put("dataType", dataType)
                .put("ioc", form.containsKey("ioc")).put("sighted", form.containsKey("sighted"));
        if (!Forms.blank(form.get("tlp"))) body.put("tlp", form.get("tlp"));
        if (!Forms.blank(form.get("message"))) body.put("message", form.get("message"));
        Forms.putTags(body, "tags", form.get("tags"));
        ObservableService.Outcome outcome;
        if ("file".equals(dataType)) {
            // a refused upload keeps neither its file nor its row
            outcome = withUpload(file, attachment -> observables.add(p, c.id(), null, input.read(body, attachment)));
        } else {
            List<String> values = Forms.lines(form.get("data"));
            if (values.isEmpty()) throw new Invalid("Enter a value (or several, one per line)");
            ArrayNode data = body.putArray("data");
            values.forEach(data::add);
            outcome = observables.add(p, c.id(), null, input.read(body, null));
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
        ObjectNode body = Forms.object().put("ioc", form.containsKey("ioc")).put("sighted", form.containsKey("sighted"))
                .put("message", form.getOrDefault("message", ""));
        if (!Forms.blank(form.get("tlp"))) body.put("tlp", form.get("tlp"));
        Forms.putTags(body, "tags", form.get("tags"));
        ObservableRecord o = observables.update(p, "~" + id, body);
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
