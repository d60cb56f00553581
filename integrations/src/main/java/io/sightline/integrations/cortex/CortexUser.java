package io.sightline.integrations.cortex;

import java.util.List;

/** {@code GET /api/user/current}: who the API key belongs to. */
public record CortexUser(String id, String name, List<String> roles, String organization, String status) {

    public CortexUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Running jobs needs the {@code analyze} role. */
    public boolean canAnalyze() {
        return roles.contains("analyze");
    }
}
