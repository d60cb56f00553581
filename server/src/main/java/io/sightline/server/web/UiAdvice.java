package io.sightline.server.web;

import io.sightline.server.api.ApiErrors;
import io.sightline.server.auth.Membership;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Malformed;
import io.sightline.server.status.StatusController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every page needs (the user, their organisations, what they may do) and how errors reach
 * the user: as a message on the page they came from, never as the API's JSON.
 */
@ControllerAdvice(basePackages = "io.sightline.server.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiAdvice {
    private static final Logger log = LoggerFactory.getLogger(UiAdvice.class);

    @ModelAttribute
    void common(HttpServletRequest request, org.springframework.ui.Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Principal p) {
            model.addAttribute("me", p);
            model.addAttribute("can", Map.of(
                    "manageCase", p.can(Permission.MANAGE_CASE),
                    "manageObservable", p.can(Permission.MANAGE_OBSERVABLE),
                    "manageAlert", p.can(Permission.MANAGE_ALERT),
                    "manageUsers", p.can(Permission.MANAGE_USERS),
                    "managePlatform", p.can(Permission.MANAGE_PLATFORM),
                    "manageProfile", p.can(Permission.MANAGE_PROFILE),
                    "readAudit", p.can(Permission.READ_AUDIT)));
            Object memberships = request.getAttribute(UiSessionFilter.MEMBERSHIPS);
            model.addAttribute("memberships", memberships instanceof List<?> l ? l : List.<Membership>of());
            String path = request.getRequestURI().substring(request.getContextPath().length());
            model.addAttribute("section", NavSection.of(path, p.login()));
        }
        model.addAttribute("hubVersion", StatusController.VERSION);
        // A form shown for the first time has no refusal; a refused post puts its own in the model.
        if (!model.containsAttribute("formErrors")) model.addAttribute("formErrors", FormErrors.none());
    }

    /**
     * A refused action: htmx requests get the message swapped into the page's message area; form
     * posts go back to the page they came from with the message; a page that cannot be shown
     * (not found, forbidden) becomes an error page with the right status.
     */
    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        return refused(ApiErrors.statusOf(e), e.getMessage(), request, response);
    }

    private ModelAndView refused(int status, String text, HttpServletRequest request, HttpServletResponse response) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Retarget", "#messages");
            response.setHeader("HX-Reswap", "innerHTML");
            ModelAndView mav = new ModelAndView("fragments :: message");
            mav.addObject("level", "error");
            mav.addObject("text", text);
            return mav;
        }
        if (!"GET".equals(request.getMethod())) {
            RequestContextUtils.getOutputFlashMap(request).put("error", text);
            return new ModelAndView("redirect:" + sameSiteReferer(request));
        }
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("ui-error");
        mav.addObject("status", status);
        mav.addObject("text", text);
        return mav;
    }

    /** Malformed form input (a missing field, a number that is not one) is a refusal like any other. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            NumberFormatException.class})
    ModelAndView badInput(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String message = e instanceof MissingServletRequestParameterException m ? "Field " + m.getParameterName() + " is missing"
                : e instanceof MethodArgumentTypeMismatchException t ? "Field " + t.getName() + " has an invalid value"
                : "A number field has an invalid value";
        return refused(new Malformed(message), request, response);
    }

    /** A failure of the hub itself: logged with its cause, shown without internals. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return refused(500, "Internal error (" + e.getClass().getSimpleName() + "); the hub's log has the details", request, response);
    }

    /** Only the path of the Referer is kept, so a forged header cannot redirect elsewhere. */
    static String sameSiteReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String path = uri.getRawPath();
                if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException ignored) {
                // falls back to the home page
            }
        }
        return "/cases";
    }
}
