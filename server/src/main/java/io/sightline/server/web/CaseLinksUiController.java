package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.caselinks.CaseLinkCommand;
import io.sightline.server.caselinks.CaseLinkService;
import io.sightline.server.core.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case page's "Links" card: the case's links to other cases and to URLs, with forms to add one
 * (a case by its number, or a URL, under a link type) and to remove each. A refusal is shown in the
 * card, the form keeping what was typed.
 */
@Controller
public class CaseLinksUiController {
    private final CaseLinkService links;

    public CaseLinksUiController(CaseLinkService links) {
        this.links = links;
    }

    @GetMapping("/cases/{number}/links")
    String card(@PathVariable long number, Model model) {
        return card(CurrentPrincipal.get(), number, model);
    }

    /** {@code target} is a case number (a leading # is fine) or an http(s) URL. */
    @PostMapping("/cases/{number}/links")
    String add(@PathVariable long number, @RequestParam(defaultValue = "") String linkType,
               @RequestParam(defaultValue = "") String target, Model model) {
        Principal p = CurrentPrincipal.get();
        try {
            links.add(p, String.valueOf(number), command(linkType, target));
        } catch (DomainException refused) {
            model.addAttribute("linkError", refused.getMessage());
            model.addAttribute("typedType", linkType);
            model.addAttribute("typedTarget", target);
        }
        return card(p, number, model);
    }

    @PostMapping("/cases/{number}/links/remove")
    String remove(@PathVariable long number, @RequestParam String linkType, @RequestParam String target, Model model) {
        Principal p = CurrentPrincipal.get();
        try {
            links.remove(p, String.valueOf(number), command(linkType, target));
        } catch (DomainException refused) {
            model.addAttribute("linkError", refused.getMessage());
        }
        return card(p, number, model);
    }

    /** A target that is only digits (maybe after #) names a case; anything else is read as a URL. */
    private static CaseLinkCommand command(String linkType, String target) {
        String t = target.strip();
        String number = t.startsWith("#") ? t.substring(1) : t;
        if (!number.isEmpty() && number.chars().allMatch(Character::isDigit)) return new CaseLinkCommand.ToCase(linkType, number);
        return new CaseLinkCommand.ToUrl(linkType, t);
    }

    private String card(Principal p, long number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("links", links.ofCase(p, String.valueOf(number)));
        model.addAttribute("linkTypes", links.types(p));
        model.addAttribute("canManage", p.can(Permission.MANAGE_CASE));
        return "cases/links :: linksCard";
    }
}
