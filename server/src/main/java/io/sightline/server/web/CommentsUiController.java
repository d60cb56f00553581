package io.sightline.server.web;

import io.sightline.server.alerts.AlertService;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.comments.CommentChange;
import io.sightline.server.comments.CommentRecord;
import io.sightline.server.comments.CommentService;
import io.sightline.server.comments.NewComment;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Slice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The comment thread of a case (its Notes tab) or an alert (its page): a page of it, and adding,
 * editing and deleting a comment. With htmx the thread is swapped in place and the notice goes to
 * the page's messages; without scripts each form posts and comes back to the page.
 */
@Controller
public class CommentsUiController {
    private static final String OWNER = "/{kind:cases|alerts}/{ref:\\d+}";

    private final CommentService comments;
    private final CaseService cases;
    private final AlertService alerts;

    public CommentsUiController(CommentService comments, CaseService cases, AlertService alerts) {
        this.comments = comments;
        this.cases = cases;
        this.alerts = alerts;
    }

    @GetMapping(OWNER + "/comments")
    String thread(@PathVariable String kind, @PathVariable long ref, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("thread", read(kind, ref, page));
        return "comments :: thread";
    }

    @PostMapping(OWNER + "/comments")
    String add(@PathVariable String kind, @PathVariable long ref, @RequestParam(defaultValue = "") String message,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        try {
            NewComment comment = new NewComment(text(message), false);
            if (kind.equals("cases")) comments.addToCase(p, String.valueOf(ref), comment);
            else comments.addToAlert(p, "~" + ref, comment);
        } catch (DomainException refused) {
            if (htmx == null) throw refused;
            FormErrors why = new FormErrors();
            why.refused(refused, FormErrors.hint("message", "message"));
            model.addAttribute("thread", read(kind, ref, 1).refused(message, why));
            return "comments :: thread";
        }
        return answer(kind, ref, 1, "Comment added", htmx, model, flash);
    }

    @PostMapping(OWNER + "/comments/{id}")
    String edit(@PathVariable String kind, @PathVariable long ref, @PathVariable String id,
                @RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "1") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        comments.update(CurrentPrincipal.get(), ofOwner(kind, ref, id), new CommentChange(text(message)));
        return answer(kind, ref, page, "Comment edited", htmx, model, flash);
    }

    @PostMapping(OWNER + "/comments/{id}/delete")
    String delete(@PathVariable String kind, @PathVariable long ref, @PathVariable String id,
                  @RequestParam(defaultValue = "1") int page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        comments.delete(CurrentPrincipal.get(), ofOwner(kind, ref, id));
        return answer(kind, ref, page, "Comment deleted", htmx, model, flash);
    }

    private CommentThread read(String kind, long ref, int page) {
        Principal p = CurrentPrincipal.get();
        Slice<CommentRecord> shown = kind.equals("cases")
                ? comments.pageOfCase(p, String.valueOf(ref), page, CommentThread.PER_PAGE)
                : comments.pageOfAlert(p, "~" + ref, page, CommentThread.PER_PAGE);
        return CommentThread.of(p, "/" + kind + "/" + ref, shown);
    }

    /** The thread again at the page the form was on (an htmx swap with the notice), or the page it belongs to. */
    private String answer(String kind, long ref, int page, String notice, String htmx, Model model, RedirectAttributes flash) {
        if (htmx == null) {
            flash.addFlashAttribute("notice", notice);
            return "redirect:/" + kind + "/" + ref + (kind.equals("cases") ? "?tab=notes" : "#alert-comments");
        }
        model.addAttribute("thread", read(kind, ref, page));
        model.addAttribute("notice", notice);
        return "comments :: answer";
    }

    /** The comment's id, once checked to be a comment of this case or alert (a form names both). */
    private String ofOwner(String kind, long ref, String id) {
        Principal p = CurrentPrincipal.get();
        CommentRecord c = comments.get(p, id);
        Long owner = kind.equals("cases") ? c.caseId() : c.alertId();
        long expected = kind.equals("cases") ? cases.idOf(p, String.valueOf(ref)) : alerts.get(p, "~" + ref).id();
        if (owner == null || owner != expected) {
            throw new NotFound("Comment " + id + " not found in " + (kind.equals("cases") ? "case #" : "alert ~") + ref);
        }
        return id;
    }

    private static String text(String value) {
        if (value.isBlank()) throw new Invalid("Message must not be empty");
        return value;
    }
}
