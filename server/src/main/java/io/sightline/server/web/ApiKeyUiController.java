package io.sightline.server.web;

import io.sightline.server.auth.ApiKeyService;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.IpRanges;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.User;
import io.sightline.server.auth.UserService;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Invalid;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
 * API keys of a user: one's own, or those of a user one may manage in every organisation they
 * belong to (see UserPolicy). A new key's secret travels once, as a flash attribute consumed by
 * the next page view: reloading never shows it again.
 */
@Controller
public class ApiKeyUiController {
    private final UserService users;
    private final ApiKeyService keys;
    private final Clock clock;

    public ApiKeyUiController(UserService users, ApiKeyService keys, Clock clock) {
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    @GetMapping("/account/keys")
    String mine() {
        return "redirect:/admin/users/" + CurrentPrincipal.get().login() + "/keys";
    }

    @GetMapping("/admin/users/{login}/keys")
    String list(@PathVariable String login, Model model) {
        Principal p = CurrentPrincipal.get();
        return list(users.forAccountRead(p, login), model);
    }

    private String list(User owner, Model model) {
        model.addAttribute("owner", owner);
        model.addAttribute("keys", keys.ofUser(owner.id()));
        model.addAttribute("now", clock.millis());
        model.addAttribute("defaultExpiry", LocalDate.now(clock).plusDays(90).toString());
        return "admin/keys";
    }

    /** A refused key is shown again with what was typed and every refusal at its field (every bad IP range named). */
    @PostMapping("/admin/users/{login}/keys")
    String create(@PathVariable String login, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        User owner = users.forAccountChange(p, login);
        FormErrors errors = new FormErrors();
        List<String> ips = Forms.tags(form.getOrDefault("allowedIps", "").replace(' ', ','));
        errors.read("allowedIps", () -> IpRanges.parse(ips));
        Long expiry = errors.read("expiry", () -> expiryMillis(form.get("expiry")));
        ApiKeyService.Created created = null;
        if (!errors.any()) {
            try {
                created = keys.create(p, owner, form.getOrDefault("comment", "").trim(), ips.isEmpty() ? null : ips,
                        expiry, form.containsKey("readOnly"), null);
            } catch (DomainException e) {
                errors.refused(e, FormErrors.hint("expiry", "expiry"), FormErrors.hint("IP", "allowedIps"),
                        FormErrors.hint("comment", "comment"));
            }
        }
        if (created == null) {
            response.setStatus(errors.status());
            model.addAttribute("form", form);
            model.addAttribute("formErrors", errors);
            return list(owner, model);
        }
        flash.addFlashAttribute("secret", created.secret());
        flash.addFlashAttribute("notice", "API key " + created.key().prefix() + "… created");
        return "redirect:/admin/users/" + owner.login() + "/keys";
    }

    @PostMapping("/admin/users/{login}/keys/{keyId}/revoke")
    String revoke(@PathVariable String login, @PathVariable long keyId, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        User owner = users.forAccountChange(p, login);
        var key = keys.revoke(p, owner.id(), keyId);
        flash.addFlashAttribute("notice", "API key " + key.prefix() + "… revoked");
        return "redirect:/admin/users/" + owner.login() + "/keys";
    }

    /** The key stays valid through the whole chosen day (UTC); an empty field means the default validity. */
    private static Long expiryMillis(String day) {
        if (Forms.blank(day)) return null;
        try {
            return LocalDate.parse(day.trim()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        } catch (DateTimeParseException e) {
            throw new Invalid("Expiry must be a date such as 2026-12-31, not '" + day + "'");
        }
    }
}
