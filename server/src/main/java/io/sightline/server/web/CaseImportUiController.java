package io.sightline.server.web;

import io.sightline.server.api.TemporaryUpload;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.casearchive.ArchiveDownload;
import io.sightline.server.casearchive.CaseArchiveService;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.caseassembly.CaseParts;
import io.sightline.server.connectors.misp.importing.EventFileImport;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.Refused;
import io.sightline.server.core.TooLarge;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case list's "Import case" forms (a case archive with its password, or a MISP event file) and
 * the case page's "Export archive". A refused import comes back with the message at its field: a
 * wrong password at the password, a damaged, foreign or oversized file at the file.
 */
@Controller
public class CaseImportUiController {
    private final CaseArchiveService archives;
    private final EventFileImport eventFiles;

    public CaseImportUiController(CaseArchiveService archives, EventFileImport eventFiles) {
        this.archives = archives;
        this.eventFiles = eventFiles;
    }

    @GetMapping("/cases/import")
    String form(Model model) {
        CurrentPrincipal.require(Permission.MANAGE_CASE);
        model.addAttribute("formErrors", FormErrors.none());
        return "cases/import";
    }

    @PostMapping("/cases/import/archive")
    String importArchive(@RequestParam(value = "file", required = false) MultipartFile file,
                         @RequestParam(defaultValue = "") String password, Model model, HttpServletResponse response) {
        Principal p = CurrentPrincipal.get();
        FormErrors errors = new FormErrors();
        if (file == null || file.isEmpty()) errors.add("archive", "Choose the case archive (.thar) to import");
        if (password.isEmpty()) errors.add("password", "Give the password the archive was exported with");
        if (!errors.any()) {
            try {
                CaseRecord c = TemporaryUpload.use(file, path -> archives.importArchive(p, path, password)).caseRecord();
                return "redirect:/cases/" + c.number();
            } catch (DomainException e) {
                errors.add(e instanceof Refused ? "password" : aboutTheFile(e) ? "archive" : "archiveForm", e.getMessage());
            }
        }
        return refused(errors, model, response);
    }

    @PostMapping("/cases/import/misp")
    String importMispEvent(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                           HttpServletResponse response) {
        Principal p = CurrentPrincipal.get();
        FormErrors errors = new FormErrors();
        if (file == null || file.isEmpty()) {
            errors.add("event", "Choose the MISP event file (JSON) to import");
        } else {
            try {
                Function<Path, CaseRecord> importing = path -> eventFiles.importEvent(p, path,
                        new EventFileImport.Options(CaseParts.NONE, null, List.of()));
                return "redirect:/cases/" + TemporaryUpload.use(file, importing).number();
            } catch (DomainException e) {
                errors.add(aboutTheFile(e) ? "event" : "eventForm", e.getMessage());
            }
        }
        return refused(errors, model, response);
    }

    /** A POST, so that the password stays out of addresses and access logs. */
    @PostMapping("/cases/{number}/archive")
    ResponseEntity<Resource> export(@PathVariable long number, @RequestParam(defaultValue = "") String password) {
        return ArchiveDownload.of(archives, CurrentPrincipal.get(), String.valueOf(number), password);
    }

    /** A file that does not read, or is too large, is refused at the file field; other refusals at the form. */
    private static boolean aboutTheFile(DomainException e) {
        return e instanceof Malformed || e instanceof TooLarge;
    }

    private static String refused(FormErrors errors, Model model, HttpServletResponse response) {
        response.setStatus(errors.status());
        model.addAttribute("formErrors", errors);
        return "cases/import";
    }
}
