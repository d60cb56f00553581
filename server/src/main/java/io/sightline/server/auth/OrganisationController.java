package io.sightline.server.auth;

import io.sightline.server.api.JsonInput;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.core.NotFound;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Organisations: platform admins create them; members see their own. */
@RestController
public class OrganisationController {
    private final OrganisationRepository orgs;
    private final UserRepository users;
    private final AuditLog audit;
    private final OrganisationService service;
    private final ApiKeyService keys;

    public OrganisationController(OrganisationRepository orgs, UserRepository users, AuditLog audit, OrganisationService service,
                                  ApiKeyService keys) {
        this.keys = keys;
        this.orgs = orgs;
        this.users = users;
        this.audit = audit;
        this.service = service;
    }

    @GetMapping("/api/v1/organisation")
    public List<Map<String, Object>> list() {
        return service.visible(CurrentPrincipal.get()).stream().map(OrganisationController::view).toList();
    }

    @PostMapping("/api/v1/organisation")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_PLATFORM);
        JsonInput in = JsonInput.of(body, "organisation", Set.of("name", "description"));
        Organisation org = service.create(p, in.requiredString("name", 128), in.string("description", 4096).orElse(""));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(org));
    }

    @GetMapping("/api/v1/organisation/{name}")
    public Map<String, Object> get(@PathVariable String name) {
        return view(visible(CurrentPrincipal.require(Permission.READ), name));
    }

    @GetMapping("/api/v1/organisation/{name}/user")
    public List<Map<String, Object>> members(@PathVariable String name) {
        Principal p = CurrentPrincipal.require(Permission.READ);
        Organisation org = visible(p, name);
        return users.inOrganisation(org.id()).stream().map(u -> UserView.of(u, users.memberships(u.id()), p, keys.hasUsableKey(u.id()))).toList();
    }

    @PatchMapping("/api/v1/organisation/{name}")
    @Transactional
    public Map<String, Object> update(@PathVariable String name, @RequestBody(required = false) JsonNode body) {
        Principal p = CurrentPrincipal.require(Permission.MANAGE_USERS);
        Organisation before = visible(p, name);
        JsonInput in = JsonInput.of(body, "organisation", Set.of("description"));
        orgs.update(before.id(), in.string("description", 4096).orElse(before.description()));
        Organisation after = orgs.findById(before.id()).orElseThrow();
        audit.record(p, "update", "organisation", "~" + before.id(), view(before), view(after));
        return view(after);
    }

    private Organisation visible(Principal p, String name) {
        Organisation org = byIdOrName(name).orElseThrow(() -> new NotFound("Organisation " + name + " not found"));
        if (!p.can(Permission.MANAGE_PLATFORM) && users.memberships(p.userId()).stream().noneMatch(m -> m.orgId() == org.id())) {
            throw new NotFound("Organisation " + name + " not found");
        }
        return org;
    }

    /** TheHive names an organisation by its name or its {@code ~id}. */
    private Optional<Organisation> byIdOrName(String idOrName) {
        if (idOrName.startsWith("~")) {
            try {
                return orgs.findById(Long.parseLong(idOrName.substring(1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return orgs.findByName(idOrName);
    }

    static Map<String, Object> view(Organisation o) {
        return OrganisationView.of(o);
    }
}
