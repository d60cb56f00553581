package io.sightline.server.auth;

import io.sightline.server.core.Unauthenticated;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the caller of the current request, set by the authentication filters. */
public final class CurrentPrincipal {
    private CurrentPrincipal() {}

    public static Principal get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Principal p) return p;
        throw new Unauthenticated("Authentication required");
    }

    public static Principal require(Permission permission) {
        Principal p = get();
        p.require(permission);
        return p;
    }
}
