package io.sightline.server.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who of the case's organisation sees it (TheHive 5's case access): every member
 * ({@code OrganisationAccessKind}), or only the users named ({@code UserAccessKind}), by login.
 */
public record CaseAccess(List<String> users) {
    public static final CaseAccess ORGANISATION = new CaseAccess(null);

    public CaseAccess {
        users = users == null ? null : List.copyOf(users);
    }

    public static CaseAccess restrictedTo(List<String> logins) {
        return new CaseAccess(logins);
    }

    public boolean restricted() {
        return users != null;
    }

    /** TheHive's {@code access} field of a case. */
    public Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_kind", restricted() ? "UserAccessKind" : "OrganisationAccessKind");
        if (restricted()) out.put("users", users);
        return out;
    }
}
