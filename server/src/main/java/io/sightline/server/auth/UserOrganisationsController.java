package io.sightline.server.auth;

import io.sightline.server.api.JsonInput;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A user's organisations: {@code GET} and TheHive's {@code PUT /api/v1/user/{id}/organisations}. */
@RestController
public class UserOrganisationsController {
    private static final int MAX_ORGANISATIONS = 1_000;

    private final UserOrganisationsService service;

    public UserOrganisationsController(UserOrganisationsService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/user/{id}/organisations")
    public Map<String, Object> get(@PathVariable String id) {
        return Map.of("organisations", UserOrganisationsView.of(service.get(CurrentPrincipal.get(), id)));
    }

    @PutMapping("/api/v1/user/{id}/organisations")
    public Map<String, Object> set(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.of(body, "user organisations", Set.of("organisations"));
        JsonNode list = in.raw("organisations");
        if (list == null || list.isNull()) throw in.missing("organisations");
        if (!list.isArray()) throw in.typeError("organisations", "an array of {organisation, profile, default}");
        if (list.size() > MAX_ORGANISATIONS) throw new Invalid("At most " + MAX_ORGANISATIONS + " organisations");
        List<OrganisationProfile> wanted = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) throw in.typeError("organisations", "an array of {organisation, profile, default}");
            JsonInput one = JsonInput.of(item, "user organisation", Set.of("organisation", "profile", "default"));
            wanted.add(new OrganisationProfile(one.requiredString("organisation", 128), one.requiredString("profile", 64),
                    one.bool("default").orElse(false)));
        }
        return Map.of("organisations", UserOrganisationsView.of(service.set(CurrentPrincipal.get(), id, wanted)));
    }
}
