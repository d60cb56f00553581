package io.sightline.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive's OutputOrganisation shape, for the organisation routes and the {@code listOrganisation} query alike. */
public final class OrganisationView {
    private OrganisationView() {}

    public static Map<String, Object> of(Organisation o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", "~" + o.id());
        out.put("_type", "Organisation");
        out.put("_createdAt", o.createdAt());
        out.put("name", o.name());
        out.put("description", o.description());
        return out;
    }
}
