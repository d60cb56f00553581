package io.sightline.server.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TheHive's OutputUserOrganisation list: organisation, profile, default. */
public final class UserOrganisationsView {
    private UserOrganisationsView() {}

    public static List<Map<String, Object>> of(List<Membership> memberships) {
        return memberships.stream().map(m -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("organisation", m.orgName());
            out.put("profile", m.profile().label());
            out.put("default", m.isDefault());
            return out;
        }).toList();
    }
}
