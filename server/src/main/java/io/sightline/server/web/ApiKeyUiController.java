package io.sightline.server.web;

import io.sightline.server.auth.ApiKeyService;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.User;
import io.sightline.server.auth.UserService;
import io.sightline.server.core.Invalid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
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
        User owner = users.forAccountRead(p, login);
        model.addAttribute("owner", owner);
        model.addAttribute("keys", keys.ofUser(owner.id()));
        model.addAttribute("now", clock.millis());
        model.addAttribute("defaultExpiry", LocalDate.now(clock).plusDays(90).toString());
        return "admin/keys";
    }

    @PostMapping("/admin/users/{login}/keys")
    String create(@PathVariable String login, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) String allowedIps, @RequestParam(required = false) String expiry,
                  @RequestParam(required = false) String readOnly, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        User owner = users.forAccountChange(p, login);
        List<String> ips = Forms.tags(allowedIps == null ? null : allowedIps.replace(' ', ','));
        ApiKeyService.Created created = keys.create(p, owner, comment == null ? "" : comment.trim(), ips.isEmpty() ? null : ips,
                expiryMillis(expiry), readOnly != null, null);
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
