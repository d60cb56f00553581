package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.comments.CommentService;
import io.sightline.server.core.Invalid;
import io.sightline.server.pages.PageDraft;
import io.sightline.server.pages.PageService;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Notes tab of a case: its pages and its comment thread (the thread's own routes are in
 * {@link CommentsUiController}), loaded into the case page by htmx, and the form that adds a page.
 */
@Controller
public class CaseNotesUiController {
    private final CommentService comments;
    private final PageService pages;

    public CaseNotesUiController(CommentService comments, PageService pages) {
        this.comments = comments;
        this.pages = pages;
    }

    @GetMapping("/cases/{number}/notes")
    String notes(@PathVariable long number, @RequestParam(defaultValue = "1") int page, Model model) {
        Principal p = CurrentPrincipal.get();
        String caseRef = String.valueOf(number);
        model.addAttribute("number", number);
        model.addAttribute("pages", pages.ofCase(p, caseRef));
        model.addAttribute("thread", CommentThread.of(p, "/cases/" + number,
                comments.pageOfCase(p, caseRef, page, CommentThread.PER_PAGE)));
        model.addAttribute("mayWritePages", p.can(Permission.MANAGE_PAGE));
        return "cases/notes :: notes";
    }

    @PostMapping("/cases/{number}/pages")
    String page(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        PageDraft draft = new PageDraft(text("Title", form.getOrDefault("title", "")),
                text("Category", form.getOrDefault("category", "")), form.getOrDefault("content", ""), 0);
        pages.create(CurrentPrincipal.get(), String.valueOf(number), draft);
        flash.addFlashAttribute("notice", "Page added");
        return "redirect:/cases/" + number + "?tab=notes";
    }

    private static String text(String label, String value) {
        if (value.isBlank()) throw new Invalid(label + " must not be empty");
        return value;
    }
}
