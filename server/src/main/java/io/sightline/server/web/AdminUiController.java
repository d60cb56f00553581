package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Membership;
import io.sightline.server.auth.NewUser;
import io.sightline.server.auth.OrganisationService;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.Profile;
import io.sightline.server.auth.User;
import io.sightline.server.auth.UserChanges;
import io.sightline.server.auth.UserService;
import io.sightline.server.auth.profiles.ProfileCatalog;
import io.sightline.server.core.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: organisations, users and their profile, locking. */
@Controller
public class AdminUiController {
    /**
     * A user as listed: the account, its profile in the current organisation, all its memberships,
     * and whether the viewer may manage the account (password, keys, lock) or only the profile.
     */
    public record UserLine(User user, String profile, List<Membership> memberships, boolean manageable) {}

    private final OrganisationService orgs;
    private final UserService users;

    private final ProfileCatalog profiles;

    public AdminUiController(OrganisationService orgs, UserService users, ProfileCatalog profiles) {
        this.profiles = profiles;
        this.orgs = orgs;
        this.users = users;
    }

    @GetMapping("/admin/organisations")
    String organisations(Model model) {
        model.addAttribute("organisations", orgs.visible(CurrentPrincipal.get()));
        return "admin/organisations";
    }

    @PostMapping("/admin/organisations")
    String createOrganisation(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                              RedirectAttributes flash) {
        try {
            var org = orgs.create(CurrentPrincipal.get(), form.getOrDefault("name", ""), given(form, "description"));
            flash.addFlashAttribute("notice", "Organisation " + org.name() + " created");
            return "redirect:/admin/organisations";
        } catch (DomainException e) {
            FormErrors errors = new FormErrors();
            errors.refused(e, FormErrors.hint("description", "description"), FormErrors.hint("name", "name"),
                    FormErrors.hint("organisation", "name"));
            return shownAgain(organisations(model), form, errors, model, response);
        }
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_USERS);
        var mayManage = users.accountCheck(p);
        List<UserLine> lines = users.list(p).stream().map(u -> {
            List<Membership> ms = users.memberships(u);
            String profile = ms.stream().filter(m -> m.orgId() == p.orgId()).map(m -> m.profile().label()).findFirst().orElse("");
            return new UserLine(u, profile, ms, mayManage.test(u, ms));
        }).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("profiles", profilesFor(p));
        model.addAttribute("organisations", orgs.visible(p));
        return "admin/users";
    }

    /** A refused user is shown again with what was typed (but the password) and the refusal at its field. */
    @PostMapping("/admin/users")
    String createUser(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                      RedirectAttributes flash) {
        NewUser newUser = new NewUser(form.getOrDefault("login", ""), given(form, "name"), form.getOrDefault("profile", ""),
                given(form, "organisation"), given(form, "password"), given(form, "email"));
        try {
            User u = users.create(CurrentPrincipal.get(), newUser);
            flash.addFlashAttribute("notice", "User " + u.login() + " created"
                    + (u.passwordHash() == null ? " without password: it can only use API keys" : ""));
            return "redirect:/admin/users";
        } catch (DomainException e) {
            FormErrors errors = new FormErrors();
            errors.refused(e, FormErrors.hint("password", "password"), FormErrors.hint("profile", "profile"),
                    FormErrors.hint("organisation", "organisation"), FormErrors.hint("name", "name"),
                    FormErrors.hint("login", "login"), FormErrors.hint("user", "login"));
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("password");
            return shownAgain(users(model), kept, errors, model, response);
        }
    }

    private static String shownAgain(String view, Map<String, String> form, FormErrors errors, Model model,
                                     HttpServletResponse response) {
        response.setStatus(errors.status());
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        return view;
    }

    @PostMapping("/admin/users/{login}/profile")
    String changeProfile(@PathVariable String login, @RequestParam String profile, RedirectAttributes flash) {
        users.update(CurrentPrincipal.get(), login, UserChanges.profile(profile));
        flash.addFlashAttribute("notice", "Profile of " + login + " set to " + profile);
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{login}/lock")
    String lock(@PathVariable String login, @RequestParam boolean locked, RedirectAttributes flash) {
        users.update(CurrentPrincipal.get(), login, UserChanges.locked(locked));
        flash.addFlashAttribute("notice", "User " + login + (locked ? " locked" : " unlocked"));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{login}/password")
    String setPassword(@PathVariable String login, @RequestParam String password, HttpSession session,
                       RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        User changed = users.setPassword(p, login, null, password);
        // A new password ends the user's other sessions; the one that set it goes on.
        if (changed.id() == p.userId()) UiSessionFilter.rememberPassword(session, changed);
        flash.addFlashAttribute("notice", "Password of " + login + " set");
        return "redirect:/admin/users";
    }

    /** A filled form field, or {@code null} for one left blank. */
    private static String given(Map<String, String> form, String field) {
        return Forms.blank(form.get(field)) ? null : form.get(field);
    }

    /** What the caller may hand out: a platform admin any profile, others none that is platform-wide or wider than their own. */
    private List<String> profilesFor(Principal p) {
        return profiles.all().stream().filter(pr -> p.can(Permission.MANAGE_PLATFORM) || !pr.isPlatform() && pr.within(p.profile()))
                .map(Profile::label).toList();
    }
}
