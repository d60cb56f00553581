package io.sightline.server.auth.profiles;

import io.sightline.server.auth.Profile;
import io.sightline.server.common.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/** TheHive 5's OutputProfile. The hub has no licences, so no profile consumes one. */
public final class ProfileView {
    private ProfileView() {}

    public static Map<String, Object> of(ProfileRecord r) {
        Profile profile = r.profile();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", Ids.format(r.id()));
        out.put("_type", "Profile");
        out.put("_createdBy", r.createdBy());
        out.put("_createdAt", r.createdAt());
        if (r.updatedBy() != null) out.put("_updatedBy", r.updatedBy());
        if (r.updatedAt() != null) out.put("_updatedAt", r.updatedAt());
        out.put("type", profile.isPlatform() ? "Admin" : "Organisation");
        out.put("name", r.name());
        out.put("permissions", profile.theHivePermissions());
        out.put("editable", !r.builtIn());
        out.put("forAdmin", profile.isPlatform());
        out.put("forOrg", !profile.isPlatform());
        out.put("forExternal", false);
        out.put("consumesLicense", false);
        return out;
    }
}
