package io.sightline.server.auth.profiles;

import io.sightline.server.auth.Profile;
import java.util.List;

/** A row of {@code profile}; a built-in's permissions are its code's, not the row's. */
public record ProfileRecord(long id, String name, List<String> permissions, boolean builtIn, String createdBy,
                            long createdAt, String updatedBy, Long updatedAt) {

    public Profile profile() {
        return builtIn ? Profile.parse(name) : Profile.custom(name, permissions);
    }
}
