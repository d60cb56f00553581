package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.comments.CommentChange;
import io.sightline.server.comments.CommentRecord;
import io.sightline.server.comments.CommentRule;
import io.sightline.server.comments.CommentService;
import io.sightline.server.comments.NewComment;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Slice;
import io.sightline.server.pages.PageDraft;
import io.sightline.server.pages.PageService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Notes tab of a case: its pages and its comments, loaded into the case page by htmx, and the
 * forms that add them. Text is shown as written (escaped, line breaks kept), never as HTML.
 */
@Controller
public class CaseNotesUiController {
    /** A comment as the tab shows it, with whether the caller may change it ({@link CommentRule}). */
    public record CommentRow(String id, String author, long at, String message, boolean edited, boolean mayChange) {}

    /** Comments per page of the tab, the newest first: a case may hold thousands. */
    static final int COMMENTS_PER_PAGE = 50;

    private final CommentService comments;
    private final PageService pages;
    private final CaseService cases;

    public CaseNotesUiController(CommentService comments, PageService pages, CaseService cases) {
        this.comments = comments;
        this.pages = pages;
        this.cases = cases;
    }

    @GetMapping("/cases/{number}/notes")
    String notes(@PathVariable long number, @RequestParam(defaultValue = "1") int page, Model model) {
        Principal p = CurrentPrincipal.get();
        String caseRef = String.valueOf(number);
        Slice<CommentRecord> shown = comments.pageOfCase(p, caseRef, page, COMMENTS_PER_PAGE);
        List<CommentRow> rows = shown.items().stream().map(c -> row(p, c)).toList();
        model.addAttribute("number", number);
        model.addAttribute("shown", shown);
        model.addAttribute("pages", pages.ofCase(p, caseRef));
        model.addAttribute("comments", rows);
        model.addAttribute("mayComment", p.can(Permission.MANAGE_COMMENT));
        model.addAttribute("mayWritePages", p.can(Permission.MANAGE_PAGE));
        return "cases/notes :: notes";
    }

    @PostMapping("/cases/{number}/comments")
    String comment(@PathVariable long number, @RequestParam(defaultValue = "") String message, RedirectAttributes flash) {
        comments.addToCase(CurrentPrincipal.get(), String.valueOf(number), new NewComment(text("Message", message), false));
        flash.addFlashAttribute("notice", "Comment added");
        return notesTab(number);
    }

    @PostMapping("/cases/{number}/comments/{id}")
    String edit(@PathVariable long number, @PathVariable String id, @RequestParam(defaultValue = "") String message,
                RedirectAttributes flash) {
        comments.update(CurrentPrincipal.get(), inCase(number, id), new CommentChange(text("Message", message)));
        flash.addFlashAttribute("notice", "Comment edited");
        return notesTab(number);
    }

    @PostMapping("/cases/{number}/comments/{id}/delete")
    String delete(@PathVariable long number, @PathVariable String id, RedirectAttributes flash) {
        comments.delete(CurrentPrincipal.get(), inCase(number, id));
        flash.addFlashAttribute("notice", "Comment deleted");
        return notesTab(number);
    }

    @PostMapping("/cases/{number}/pages")
    String page(@PathVariable long number, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        PageDraft draft = new PageDraft(text("Title", form.getOrDefault("title", "")),
                text("Category", form.getOrDefault("category", "")), form.getOrDefault("content", ""), 0);
        pages.create(CurrentPrincipal.get(), String.valueOf(number), draft);
        flash.addFlashAttribute("notice", "Page added");
        return notesTab(number);
    }

    /** The comment's id, once checked to be a comment of this case (a form names both). */
    private String inCase(long number, String id) {
        Principal p = CurrentPrincipal.get();
        CommentRecord c = comments.get(p, id);
        if (c.caseId() == null || c.caseId() != cases.idOf(p, String.valueOf(number))) {
            throw new NotFound("Comment " + id + " not found in case #" + number);
        }
        return id;
    }

    private static String text(String label, String value) {
        if (value.isBlank()) throw new Invalid(label + " must not be empty");
        return value;
    }

    private static CommentRow row(Principal p, CommentRecord c) {
        return new CommentRow(Ids.format(c.id()), c.createdBy(), c.createdAt(), c.message(), c.edited(),
                p.can(Permission.MANAGE_COMMENT) && CommentRule.mayChange(p, c));
    }

    private static String notesTab(long number) {
        return "redirect:/cases/" + number + "?tab=notes";
    }
}
