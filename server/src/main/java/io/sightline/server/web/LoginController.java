package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Membership;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login page and the organisation selector; login and logout themselves are Spring Security's. */
@Controller
public class LoginController {

    /** {@code throttled} is the wait in seconds after too many failed logins; shown in minutes, rounded up. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        if (throttled != null && throttled.matches("\\d{1,6}")) {
            model.addAttribute("throttledMinutes", (Integer.parseInt(throttled) + 59) / 60);
        }
        return "login";
    }

    /** Switches the organisation the session works in; only one the user belongs to is accepted. */
    @PostMapping("/organisation")
    String selectOrganisation(@RequestParam String name, HttpServletRequest request, HttpSession session) {
        CurrentPrincipal.get();
        Object memberships = request.getAttribute(UiSessionFilter.MEMBERSHIPS);
        if (memberships instanceof List<?> list && list.stream().anyMatch(m -> m instanceof Membership ms && ms.orgName().equals(name))) {
            session.setAttribute(UiSessionFilter.ORGANISATION, name);
        }
        return "redirect:/cases";
    }
}
