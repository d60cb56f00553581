package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.cases.CaseAccess;
import io.sightline.server.cases.CaseAccessService;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.core.Invalid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's access form: everyone in the organisation, or only the members ticked. The rule
 * (the list names the caller and the assignee) is {@link CaseAccessService}'s; a refusal is shown
 * on the case page, which keeps the access it had.
 */
@Controller
public class CaseAccessUiController {
    private final CaseAccessService access;

    public CaseAccessUiController(CaseAccessService access) {
        this.access = access;
    }

    @PostMapping("/cases/{number}/access")
    String change(@PathVariable long number, @RequestParam(defaultValue = "") String seenBy,
                  @RequestParam(required = false) List<String> users, RedirectAttributes flash) {
        try {
            CaseRecord c = access.setAccess(CurrentPrincipal.get(), String.valueOf(number), wanted(seenBy, users));
            flash.addFlashAttribute("notice", c.access().restricted()
                    ? "Case restricted to " + String.join(", ", c.access().users()) : "Case seen by everyone in the organisation");
        } catch (Invalid refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/cases/" + number;
    }

    /** An unknown choice is refused rather than taken as either, so a case is never opened by mistake. */
    private static CaseAccess wanted(String seenBy, List<String> users) {
        return switch (seenBy) {
            case "organisation" -> CaseAccess.ORGANISATION;
            case "users" -> CaseAccess.restrictedTo(users == null ? List.of() : users);
            default -> throw new Invalid("Choose who sees the case: everyone in the organisation, or the users ticked");
        };
    }
}
