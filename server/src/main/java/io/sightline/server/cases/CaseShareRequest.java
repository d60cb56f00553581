package io.sightline.server.cases;

/**
 * One organisation a case is to be shared with (TheHive's InputShare): by name or {@code "~id"},
 * with the profile its members would act under ({@code null}: TheHive's default, {@code analyst}).
 */
public record CaseShareRequest(String organisation, String profile) {
    static final String DEFAULT_PROFILE = "analyst";

    public String profileOrDefault() {
        return profile == null ? DEFAULT_PROFILE : profile;
    }
}
