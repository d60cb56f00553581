package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.TheHivePermissions;
import io.sightline.server.auth.profiles.NewProfile;
import io.sightline.server.auth.profiles.ProfileRecord;
import io.sightline.server.auth.profiles.ProfileService;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Profiles: everyone sees them and what they allow; profile managers define and delete custom ones. */
@Controller
class ProfilesUiController {
    private final ProfileService profiles;

    ProfilesUiController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/admin/profiles")
    String list(Model model) {
        Principal p = CurrentPrincipal.get();
        model.addAttribute("profiles", profiles.list(p).stream().map(ProfileRecord::profile).toList());
        model.addAttribute("records", profiles.list(p));
        model.addAttribute("permissionNames", new TreeSet<>(TheHivePermissions.ALL));
        return "admin/profiles";
    }

    @PostMapping("/admin/profiles")
    String create(@RequestParam String name, @RequestParam(required = false) List<String> permissions, RedirectAttributes flash) {
        ProfileRecord created = profiles.create(CurrentPrincipal.get(), new NewProfile(name, permissions == null ? List.of() : permissions));
        flash.addFlashAttribute("notice", "Profile " + created.name() + " created");
        return "redirect:/admin/profiles";
    }

    @PostMapping("/admin/profiles/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes flash) {
        ProfileRecord profile = profiles.get(CurrentPrincipal.get(), id);
        profiles.delete(CurrentPrincipal.get(), id);
        flash.addFlashAttribute("notice", "Profile " + profile.name() + " deleted");
        return "redirect:/admin/profiles";
    }
}
