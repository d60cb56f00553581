package io.sightline.server.auth;

import io.sightline.server.core.Invalid;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TheHive names a profile lists and the hub permissions they grant. */
class TheHivePermissionsTest {

    @Test
    void theBuiltInsGrantWhatTheirTheHiveNamesSay() {
        for (Profile builtIn : Profile.BUILT_IN) {
            assertThat(TheHivePermissions.granted(builtIn.theHivePermissions())).as(builtIn.label()).isEqualTo(builtIn.permissions());
        }
        assertThat(Profile.ADMIN.isPlatform()).isTrue();
        assertThat(Profile.ORG_ADMIN.isPlatform()).isFalse();
        assertThat(Profile.ANALYST.within(Profile.ORG_ADMIN)).isTrue();
        assertThat(Profile.ORG_ADMIN.within(Profile.ANALYST)).isFalse();
    }

    @Test
    void aHubPermissionNeedsEveryNameItCovers() {
        assertThat(TheHivePermissions.granted(List.of("manageCase/create"))).containsExactly(Permission.READ);
        assertThat(TheHivePermissions.granted(List.of("manageCase/create", "manageCase/update", "manageCase/delete")))
                .isEqualTo(EnumSet.of(Permission.READ, Permission.MANAGE_CASE));
        assertThat(TheHivePermissions.granted(List.of("manageOrganisation", "managePlatform"))).doesNotContain(Permission.MANAGE_PLATFORM);
        assertThat(Profile.custom("p", List.of("manageTaxonomy")).isPlatform()).isTrue();
        assertThat(Profile.custom("p", List.of("manageUser")).isPlatform()).isFalse();
    }

    @Test
    void unknownNamesAreRefusedAndRepeatsDropped() {
        assertThat(TheHivePermissions.check(List.of("manageTask", "manageTask", "manageShare"))).containsExactly("manageTask", "manageShare");
        assertThatThrownBy(() -> TheHivePermissions.check(List.of("manageCase", "manageShare")))
                .isInstanceOf(Invalid.class).hasMessageContaining("Unknown permission manageCase");
    }
}
